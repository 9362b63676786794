/// One workload of a deployment (a Kubernetes controller or a Compose service) with its effective per-pod resources.
///
/// Per-pod values follow the Kubernetes scheduler: for each resource, the larger of the biggest init container
/// and the sum of the app containers (restartable "sidecar" init containers count towards both).
public struct Component: Sendable, Equatable {
  /// The workload's name (`metadata.name`, or the Compose service key).
  public var name: String
  /// `Deployment`, `StatefulSet`, `DaemonSet`, `ReplicaSet` or `compose service`.
  public var kind: String
  /// Pods to run (`spec.replicas`, default 1; a DaemonSet counts as 1, one node).
  public var replicas: Int
  /// Effective CPU request of one pod, in millicores.
  public var cpuRequestMillicores: Int64
  /// Effective memory request of one pod, in bytes.
  public var memoryRequestBytes: Int64
  /// Effective CPU limit of one pod, in millicores; `nil` when any container has no CPU limit.
  public var cpuLimitMillicores: Int64?
  /// Effective memory limit of one pod, in bytes; `nil` when any container has no memory limit.
  public var memoryLimitBytes: Int64?
  /// Requests that were absent and counted as 0, as `"<container>: cpu"` or `"<container>: memory"`, sorted.
  public var missingRequests: [String]
  /// The file the component was read from.
  public var source: String
  /// `metadata.namespace` (or `--namespace`, else `default`); `nil` for Compose services.
  public var namespace: String? = nil
  /// The HorizontalPodAutoscaler that scales it: `replicas` is then its `minReplicas`.
  public var autoscaler: AutoscalerRange? = nil
  /// `spec.replicas` as written, when an autoscaler overrides it.
  public var manifestReplicas: Int? = nil
  /// Effective ephemeral-storage request of one pod, in bytes, when any container asks for it.
  public var ephemeralStorageRequestBytes: Int64? = nil
  /// Requests and limits a LimitRange filled in (`cpu 250m, memory 256Mi request for container app (LimitRange limits)`).
  public var limitRangeDefaults: [String] = []

  /// `replicas: 0`: the workload is scaled down and asks for nothing.
  public var isScaledDown: Bool { replicas == 0 }
  /// Replicas at the autoscaler's peak (`maxReplicas`), else `replicas`.
  public var peakReplicas: Int { autoscaler.map { max($0.maxReplicas, replicas) } ?? replicas }

  /// Creates a component from effective per-pod values (millicores and bytes).
  public init(
    name: String, kind: String, replicas: Int, cpuRequestMillicores: Int64,
    memoryRequestBytes: Int64,
    cpuLimitMillicores: Int64? = nil, memoryLimitBytes: Int64? = nil,
    missingRequests: [String] = [],
    source: String = ""
  ) {
    self.name = name
    self.kind = kind
    self.replicas = replicas
    self.cpuRequestMillicores = cpuRequestMillicores
    self.memoryRequestBytes = memoryRequestBytes
    self.cpuLimitMillicores = cpuLimitMillicores
    self.memoryLimitBytes = memoryLimitBytes
    self.missingRequests = missingRequests
    self.source = source
  }
}

/// The replica range an autoscaler keeps a component in.
public struct AutoscalerRange: Sendable, Equatable {
  /// The HorizontalPodAutoscaler's name.
  public var name: String
  public var minReplicas: Int
  public var maxReplicas: Int

  public init(name: String, minReplicas: Int, maxReplicas: Int) {
    self.name = name
    self.minReplicas = minReplicas
    self.maxReplicas = maxReplicas
  }
}
