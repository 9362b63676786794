import CapacityModel
import Foundation
import Yams

/// Reads Kubernetes manifests and Docker Compose files into a `Deployment`. Kubernetes objects are replayed
/// through admission (`ClusterSimulator`): LimitRange defaults land in the footprint, quotas admit or refuse
/// pods, autoscalers set the steady and peak replicas; objects that run no pods are listed as ignored.
public struct ManifestLoader: Sendable {
  /// Namespace of objects without `metadata.namespace` (`--namespace`); `default` like kubectl.
  public var namespace: String

  /// Creates a loader.
  public init(namespace: String? = nil) {
    self.namespace = namespace ?? "default"
  }

  /// Loads the manifest files read by Ingest (`SettingsFileReader.yamlFiles`) into one deployment.
  public func load(_ documents: [TextDocument]) throws(PlanningError) -> Deployment {
    var objects: [ManifestObject] = []
    var compose: [Component] = []
    for document in documents {
      try read(document.text, file: document.path, objects: &objects, compose: &compose)
    }
    return DeploymentBuilder(objects: objects, compose: compose).deployment()
  }

  /// Parses the text of one manifest or Compose file; `file` is only used to name it in components and errors.
  public func parse(yaml: String, file: String) throws(PlanningError) -> [Component] {
    try parseDeployment(yaml: yaml, file: file).components
  }

  /// Parses one file's text into a deployment, admission included.
  public func parseDeployment(yaml: String, file: String) throws(PlanningError) -> Deployment {
    var objects: [ManifestObject] = []
    var compose: [Component] = []
    try read(yaml, file: file, objects: &objects, compose: &compose)
    return DeploymentBuilder(objects: objects, compose: compose).deployment()
  }

  private func read(_ yaml: String, file: String, objects: inout [ManifestObject], compose: inout [Component])
    throws(PlanningError)
  {
    let reader = KubernetesObjectReader(file: file, defaultNamespace: namespace)
    for document in try YAMLReader.documents(yaml, file: file) {
      try collect(document, path: "", reader: reader, objects: &objects, compose: &compose)
    }
  }

  private func collect(
    _ node: Node, path: String, reader: KubernetesObjectReader, objects: inout [ManifestObject],
    compose: inout [Component]
  ) throws(PlanningError) {
    guard case .mapping = node else { return }
    let kind = YAMLReader.scalar(YAMLReader.child(node, "kind"))
    if let kind, kind == "List" || kind.hasSuffix("List") {
      for (index, item) in (YAMLReader.child(node, "items")?.array() ?? []).enumerated() {
        try collect(
          item, path: "\(path)items[\(index)].", reader: reader, objects: &objects, compose: &compose)
      }
    } else if let kind {
      objects.append(try reader.object(node, kind: kind, path: path))
    } else if let services = YAMLReader.child(node, "services"), case .mapping(let mapping) = services {
      for (key, service) in mapping where YAMLReader.text(key) != "<<" {
        compose.append(try composeService(service, name: YAMLReader.text(key), file: reader.file))
      }
    }
  }

  // MARK: - Docker Compose

  private func composeService(_ service: Node, name: String, file: String) throws(PlanningError)
    -> Component
  {
    let base = "services.\(name)"
    let deploy = YAMLReader.child(service, "deploy")
    var replicas = 1
    if YAMLReader.scalar(YAMLReader.child(deploy, "mode")) != "global" {
      if let value = YAMLReader.child(deploy, "replicas"), !YAMLReader.isNull(value) {
        replicas = try YAMLReader.count(value, field: "\(base).deploy.replicas", file: file)
      } else if let value = YAMLReader.child(service, "scale"), !YAMLReader.isNull(value) {
        replicas = try YAMLReader.count(value, field: "\(base).scale", file: file)
      }
    }
    let resources = YAMLReader.child(deploy, "resources")
    func cpus(_ node: Node?, _ field: String) throws(PlanningError) -> Int64? {
      guard let node, !YAMLReader.isNull(node) else { return nil }
      return try ComposeUnits.millicores(node, field: "\(base).\(field)", file: file)
    }
    func memory(_ node: Node?, _ field: String) throws(PlanningError) -> Int64? {
      guard let node, !YAMLReader.isNull(node) else { return nil }
      return try ComposeUnits.bytes(node, field: "\(base).\(field)", file: file)
    }
    // Typed throws do not pass through `??` autoclosures, so the legacy fallbacks are read up front.
    let cpuRequest = try cpus(
      YAMLReader.child(resources, "reservations", "cpus"), "deploy.resources.reservations.cpus")
    let legacyMemoryRequest = try memory(
      YAMLReader.child(service, "mem_reservation"), "mem_reservation")
    let memoryRequest =
      try memory(
        YAMLReader.child(resources, "reservations", "memory"),
        "deploy.resources.reservations.memory")
      ?? legacyMemoryRequest
    let legacyCPULimit = try cpus(YAMLReader.child(service, "cpus"), "cpus")
    let cpuLimit =
      try cpus(YAMLReader.child(resources, "limits", "cpus"), "deploy.resources.limits.cpus")
      ?? legacyCPULimit
    let legacyMemoryLimit = try memory(YAMLReader.child(service, "mem_limit"), "mem_limit")
    let memoryLimit =
      try memory(YAMLReader.child(resources, "limits", "memory"), "deploy.resources.limits.memory")
      ?? legacyMemoryLimit
    var missing: [String] = []
    if cpuRequest == nil { missing.append("\(name): cpu") }
    if memoryRequest == nil { missing.append("\(name): memory") }
    return Component(
      name: name, kind: "compose service", replicas: replicas,
      cpuRequestMillicores: cpuRequest ?? 0, memoryRequestBytes: memoryRequest ?? 0,
      cpuLimitMillicores: cpuLimit, memoryLimitBytes: memoryLimit, missingRequests: missing,
      source: file)
  }
}
