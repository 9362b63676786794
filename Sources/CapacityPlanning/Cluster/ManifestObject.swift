/// One top-level object of the manifests, in the order read (files in path order, documents in order).
public struct ManifestObject: Sendable, Equatable {
  /// What the object is to admission and sizing.
  public enum Content: Sendable, Equatable {
    /// Runs pods: Deployment, StatefulSet, DaemonSet, ReplicaSet, Pod, Job, CronJob.
    case workload(WorkloadSpec)
    case limitRange(LimitRange)
    case quota(ResourceQuota)
    case autoscaler(AutoscalerSpec)
    /// A `RuntimeClass` and its `overhead.podFixed`.
    case runtimeClass(overhead: ResourceList)
    /// Read but not sized (Service, ConfigMap, Namespace…); still counted by `count/…` quotas.
    case other
  }

  public var kind: String
  /// `apps/v1`, `v1`…
  public var apiVersion: String
  public var name: String
  /// `metadata.namespace`, else `--namespace`, else `default`; empty for cluster-scoped kinds.
  public var namespace: String
  public var file: String
  public var content: Content

  public init(
    kind: String, apiVersion: String, name: String, namespace: String, file: String, content: Content
  ) {
    self.kind = kind
    self.apiVersion = apiVersion
    self.name = name
    self.namespace = namespace
    self.file = file
    self.content = content
  }

  /// Kinds without a namespace; `count/…` quotas never count them.
  package static let clusterScoped: Set<String> = [
    "Namespace", "RuntimeClass", "PriorityClass", "ClusterRole", "ClusterRoleBinding", "StorageClass",
    "CustomResourceDefinition", "PersistentVolume", "IngressClass", "Node", "APIService",
    "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
  ]

  /// The object-count quota names it is charged under: `count/deployments.apps`, and for core kinds the
  /// legacy names too (`services`, `configmaps`…). Plurals follow `meta.UnsafeGuessKindToResource`.
  package var countResources: [String] {
    let lowered = kind.lowercased()
    let plural: String
    if lowered.hasSuffix("s") {
      plural = lowered + "es"
    } else if lowered.hasSuffix("y") {
      plural = String(lowered.dropLast()) + "ies"
    } else {
      plural = lowered + "s"
    }
    let parts = apiVersion.split(separator: "/")
    guard parts.count == 2 else {
      let legacy: Set<String> = [
        "services", "configmaps", "secrets", "persistentvolumeclaims", "replicationcontrollers",
        "resourcequotas",
      ]
      return ["count/\(plural)"] + (legacy.contains(plural) ? [plural] : [])
    }
    return ["count/\(plural).\(parts[0])"]
  }
}

/// The pod-running part of a workload.
public struct WorkloadSpec: Sendable, Equatable {
  /// `spec.replicas` as written; `nil` when absent (1 for controllers).
  public var replicas: Int?
  public var pod: PodTemplate
  /// Job `spec.parallelism` (default 1).
  public var parallelism: Int?
  /// CronJob `spec.schedule`.
  public var schedule: String?

  public init(replicas: Int?, pod: PodTemplate, parallelism: Int? = nil, schedule: String? = nil) {
    self.replicas = replicas
    self.pod = pod
    self.parallelism = parallelism
    self.schedule = schedule
  }
}

/// A HorizontalPodAutoscaler (`autoscaling/v1`, `v2`, `v2beta2`).
public struct AutoscalerSpec: Sendable, Equatable {
  public var targetKind: String
  public var targetName: String
  /// `spec.minReplicas`, default 1.
  public var minReplicas: Int
  public var maxReplicas: Int

  public init(targetKind: String, targetName: String, minReplicas: Int, maxReplicas: Int) {
    self.targetKind = targetKind
    self.targetName = targetName
    self.minReplicas = minReplicas
    self.maxReplicas = maxReplicas
  }
}
