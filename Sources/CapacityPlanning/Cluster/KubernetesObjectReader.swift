import Yams

/// Reads one Kubernetes object node into a `ManifestObject`; errors name the file and field.
package struct KubernetesObjectReader {
  package var file: String
  /// The namespace of objects without `metadata.namespace`.
  package var defaultNamespace: String

  /// Kinds that run pods, and where their pod spec lives.
  package static let podSpecPaths: [String: [String]] = [
    "Deployment": ["spec", "template", "spec"], "StatefulSet": ["spec", "template", "spec"],
    "DaemonSet": ["spec", "template", "spec"], "ReplicaSet": ["spec", "template", "spec"],
    "ReplicationController": ["spec", "template", "spec"], "Job": ["spec", "template", "spec"],
    "CronJob": ["spec", "jobTemplate", "spec", "template", "spec"], "Pod": ["spec"],
  ]

  package func object(_ node: Node, kind: String, path: String) throws(PlanningError) -> ManifestObject {
    let name = YAMLReader.scalar(YAMLReader.child(node, "metadata", "name")) ?? ""
    let apiVersion = YAMLReader.scalar(YAMLReader.child(node, "apiVersion")) ?? ""
    let namespace =
      ManifestObject.clusterScoped.contains(kind)
      ? "" : YAMLReader.scalar(YAMLReader.child(node, "metadata", "namespace")) ?? defaultNamespace
    let content: ManifestObject.Content
    if let specPath = Self.podSpecPaths[kind] {
      guard !name.isEmpty else { throw .missingField(file: file, field: "\(path)metadata.name") }
      content = .workload(try workload(node, kind: kind, specPath: specPath, path: path))
    } else {
      switch kind {
      case "LimitRange":
        content = .limitRange(
          LimitRange(name: name, namespace: namespace, items: try limitItems(node, path: path)))
      case "ResourceQuota":
        content = .quota(try quota(node, name: name, namespace: namespace, path: path))
      case "HorizontalPodAutoscaler": content = .autoscaler(try autoscaler(node, path: path))
      case "RuntimeClass":
        content = .runtimeClass(
          overhead: try resourceList(
            YAMLReader.child(node, "overhead", "podFixed"), field: "\(path)overhead.podFixed"))
      default: content = .other
      }
    }
    return ManifestObject(
      kind: kind, apiVersion: apiVersion, name: name, namespace: namespace, file: file, content: content)
  }

  private func workload(_ node: Node, kind: String, specPath: [String], path: String) throws(PlanningError)
    -> WorkloadSpec
  {
    var replicas: Int?
    if kind != "DaemonSet", kind != "Pod", let value = YAMLReader.child(node, "spec", "replicas"),
      !YAMLReader.isNull(value)
    {
      replicas = try YAMLReader.count(value, field: "\(path)spec.replicas", file: file)
    }
    var spec: Node? = node
    for key in specPath { spec = YAMLReader.child(spec, key) }
    let podPath = path + specPath.joined(separator: ".") + "."
    let containerNodes = YAMLReader.child(spec, "containers")?.array() ?? []
    guard !containerNodes.isEmpty else { throw .missingField(file: file, field: "\(podPath)containers") }
    var containers: [ContainerSpec] = []
    for (index, container) in containerNodes.enumerated() {
      containers.append(try self.container(container, field: "\(podPath)containers[\(index)]"))
    }
    var initContainers: [ContainerSpec] = []
    for (index, container) in (YAMLReader.child(spec, "initContainers")?.array() ?? []).enumerated() {
      initContainers.append(try self.container(container, field: "\(podPath)initContainers[\(index)]"))
    }
    var deadline: Int64?
    if let value = YAMLReader.child(spec, "activeDeadlineSeconds"), !YAMLReader.isNull(value) {
      deadline = Int64(try YAMLReader.count(value, field: "\(podPath)activeDeadlineSeconds", file: file))
    }
    let pod = PodTemplate(
      containers: containers, initContainers: initContainers,
      overhead: try resourceList(YAMLReader.child(spec, "overhead"), field: "\(podPath)overhead"),
      runtimeClassName: YAMLReader.scalar(YAMLReader.child(spec, "runtimeClassName")),
      priorityClassName: YAMLReader.scalar(YAMLReader.child(spec, "priorityClassName")),
      activeDeadlineSeconds: deadline)
    var parallelism: Int?
    let jobSpec =
      kind == "CronJob"
      ? YAMLReader.child(node, "spec", "jobTemplate", "spec") : YAMLReader.child(node, "spec")
    if kind == "Job" || kind == "CronJob", let value = YAMLReader.child(jobSpec, "parallelism"),
      !YAMLReader.isNull(value)
    {
      parallelism = try YAMLReader.count(value, field: "\(path)spec.parallelism", file: file)
    }
    return WorkloadSpec(
      replicas: replicas, pod: pod, parallelism: parallelism,
      schedule: kind == "CronJob" ? YAMLReader.scalar(YAMLReader.child(node, "spec", "schedule")) : nil)
  }

  /// A container's requests and limits; a request left out takes the limit (`SetDefaults_Pod`).
  private func container(_ node: Node, field: String) throws(PlanningError) -> ContainerSpec {
    let name = YAMLReader.scalar(YAMLReader.child(node, "name")) ?? field
    let limits = try resourceList(
      YAMLReader.child(node, "resources", "limits"), field: "\(field).resources.limits")
    var requests = try resourceList(
      YAMLReader.child(node, "resources", "requests"), field: "\(field).resources.requests")
    for (resource, quantity) in limits where requests[resource] == nil { requests[resource] = quantity }
    return ContainerSpec(
      name: name, restartable: YAMLReader.scalar(YAMLReader.child(node, "restartPolicy")) == "Always",
      requests: requests, limits: limits)
  }

  /// A mapping of resource name → quantity; an absent or null node is empty.
  package func resourceList(_ node: Node?, field: String) throws(PlanningError) -> ResourceList {
    guard let node, !YAMLReader.isNull(node) else { return [:] }
    guard case .mapping(let mapping) = node else {
      throw .invalidField(
        file: file, field: field, value: YAMLReader.text(node),
        reason: "expected a mapping of resource to quantity")
    }
    var list: ResourceList = [:]
    for (key, value) in mapping where !YAMLReader.isNull(value) {
      let resource = YAMLReader.text(key)
      list[resource] = try YAMLReader.quantity(value, field: "\(field).\(resource)", file: file)
    }
    return list
  }

  private func limitItems(_ node: Node, path: String) throws(PlanningError) -> [LimitRange.Item] {
    var items: [LimitRange.Item] = []
    for (index, item) in (YAMLReader.child(node, "spec", "limits")?.array() ?? []).enumerated() {
      let field = "\(path)spec.limits[\(index)]"
      func list(_ key: String) throws(PlanningError) -> ResourceList {
        try resourceList(YAMLReader.child(item, key), field: "\(field).\(key)")
      }
      items.append(
        LimitRange.Item(
          type: YAMLReader.scalar(YAMLReader.child(item, "type")) ?? "Container",
          defaultLimits: try list("default"),
          defaultRequests: try list("defaultRequest"), min: try list("min"), max: try list("max"),
          maxLimitRequestRatio: try list("maxLimitRequestRatio")))
    }
    return items
  }

  private func quota(_ node: Node, name: String, namespace: String, path: String) throws(PlanningError)
    -> ResourceQuota
  {
    var scopes = (YAMLReader.child(node, "spec", "scopes")?.array() ?? []).compactMap(YAMLReader.scalar).map {
      ResourceQuota.Scope(name: $0)
    }
    for expression in YAMLReader.child(node, "spec", "scopeSelector", "matchExpressions")?.array() ?? [] {
      scopes.append(
        ResourceQuota.Scope(
          name: YAMLReader.scalar(YAMLReader.child(expression, "scopeName")) ?? "",
          op: YAMLReader.scalar(YAMLReader.child(expression, "operator")) ?? "Exists",
          values: (YAMLReader.child(expression, "values")?.array() ?? []).compactMap(YAMLReader.scalar)))
    }
    return ResourceQuota(
      name: name, namespace: namespace,
      hard: try resourceList(YAMLReader.child(node, "spec", "hard"), field: "\(path)spec.hard"),
      scopes: scopes)
  }

  private func autoscaler(_ node: Node, path: String) throws(PlanningError) -> AutoscalerSpec {
    let spec = YAMLReader.child(node, "spec")
    var minimum = 1
    if let value = YAMLReader.child(spec, "minReplicas"), !YAMLReader.isNull(value) {
      minimum = try YAMLReader.count(value, field: "\(path)spec.minReplicas", file: file)
    }
    guard let maxNode = YAMLReader.child(spec, "maxReplicas") else {
      throw .missingField(file: file, field: "\(path)spec.maxReplicas")
    }
    let maximum = try YAMLReader.count(maxNode, field: "\(path)spec.maxReplicas", file: file)
    guard maximum >= minimum else {
      throw .invalidField(
        file: file, field: "\(path)spec.maxReplicas", value: "\(maximum)",
        reason: "maxReplicas is below minReplicas \(minimum)")
    }
    return AutoscalerSpec(
      targetKind: YAMLReader.scalar(YAMLReader.child(spec, "scaleTargetRef", "kind")) ?? "",
      targetName: YAMLReader.scalar(YAMLReader.child(spec, "scaleTargetRef", "name")) ?? "",
      minReplicas: minimum, maxReplicas: maximum)
  }
}
