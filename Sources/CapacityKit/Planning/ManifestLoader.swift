import Foundation
import Yams

/// Reads Kubernetes manifests (Deployment, StatefulSet, DaemonSet, ReplicaSet, `List`) and Docker Compose
/// files into a `Deployment`; other kinds (Service, ConfigMap…) are ignored.
public struct ManifestLoader: Sendable {
  /// Kubernetes kinds that run pods from `spec.template`.
  static let workloadKinds: Set<String> = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]

  /// Creates a loader.
  public init() {}

  /// Loads files and directories (searched recursively for `.yaml`/`.yml`, in path order) into one deployment.
  public func load(paths: [String]) throws(PlanningError) -> Deployment {
    var components: [Component] = []
    for file in try manifestFiles(paths) {
      components += try parse(yaml: YAMLReader.read(file), file: file)
    }
    return Deployment(components: components)
  }

  /// Parses the text of one manifest or Compose file; `file` is only used to name it in components and errors.
  public func parse(yaml: String, file: String) throws(PlanningError) -> [Component] {
    var components: [Component] = []
    for document in try YAMLReader.documents(yaml, file: file) {
      try collect(document, path: "", file: file, into: &components)
    }
    return components
  }

  /// The files to read: explicit files as given, directories expanded to their YAML files; sorted, unique.
  func manifestFiles(_ paths: [String]) throws(PlanningError) -> [String] {
    var files = Set<String>()
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw .notFound(path: path)
      }
      guard isDirectory.boolValue else {
        files.insert(path)
        continue
      }
      let manifests = DirectoryWalk.regularFiles(under: path).filter {
        let lowered = $0.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
      }
      guard !manifests.isEmpty else { throw .noManifests(path: path) }
      files.formUnion(manifests)
    }
    return files.sorted()
  }

  private func collect(_ node: Node, path: String, file: String, into components: inout [Component])
    throws(PlanningError)
  {
    guard case .mapping = node else { return }
    let kind = YAMLReader.scalar(YAMLReader.child(node, "kind"))
    if let kind, kind == "List" || kind.hasSuffix("List") {
      for (index, item) in (YAMLReader.child(node, "items")?.array() ?? []).enumerated() {
        try collect(item, path: "\(path)items[\(index)].", file: file, into: &components)
      }
    } else if let kind, Self.workloadKinds.contains(kind) {
      components.append(try workload(node, kind: kind, path: path, file: file))
    } else if kind == nil, let services = YAMLReader.child(node, "services"),
      case .mapping(let mapping) = services
    {
      for (key, service) in mapping where YAMLReader.text(key) != "<<" {
        components.append(try composeService(service, name: YAMLReader.text(key), file: file))
      }
    }
  }

  // MARK: - Kubernetes

  /// Requests and limits of one container, in millicores and bytes; `nil` where unset.
  private struct ContainerResources {
    var name: String
    var restartable: Bool
    var cpuRequest: Int64?
    var memoryRequest: Int64?
    var cpuLimit: Int64?
    var memoryLimit: Int64?
  }

  private func workload(_ node: Node, kind: String, path: String, file: String)
    throws(PlanningError) -> Component
  {
    guard let name = YAMLReader.scalar(YAMLReader.child(node, "metadata", "name")), !name.isEmpty
    else {
      throw .missingField(file: file, field: "\(path)metadata.name")
    }
    var replicas = 1
    if kind != "DaemonSet", let value = YAMLReader.child(node, "spec", "replicas"),
      !YAMLReader.isNull(value)
    {
      replicas = try YAMLReader.count(value, field: "\(path)spec.replicas", file: file)
    }
    let podSpec = YAMLReader.child(node, "spec", "template", "spec")
    let podPath = "\(path)spec.template.spec."
    let containerNodes = YAMLReader.child(podSpec, "containers")?.array() ?? []
    guard !containerNodes.isEmpty else {
      throw .missingField(file: file, field: "\(podPath)containers")
    }
    var containers: [ContainerResources] = []
    for (index, container) in containerNodes.enumerated() {
      containers.append(
        try resources(container, field: "\(podPath)containers[\(index)]", file: file))
    }
    var initContainers: [ContainerResources] = []
    for (index, container) in (YAMLReader.child(podSpec, "initContainers")?.array() ?? [])
      .enumerated()
    {
      initContainers.append(
        try resources(container, field: "\(podPath)initContainers[\(index)]", file: file))
    }
    let all = initContainers + containers
    var missing: [String] = []
    for container in all {
      if container.cpuRequest == nil { missing.append("\(container.name): cpu") }
      if container.memoryRequest == nil { missing.append("\(container.name): memory") }
    }
    // Missing requests count as 0; a limit is unknown as soon as one container has none.
    func request(_ amount: KeyPath<ContainerResources, Int64?>) -> Int64 {
      Self.podTotal(
        containers.map { $0[keyPath: amount] ?? 0 },
        initContainers.map { ($0[keyPath: amount] ?? 0, $0.restartable) })
    }
    func limit(_ amount: KeyPath<ContainerResources, Int64?>) -> Int64? {
      all.contains { $0[keyPath: amount] == nil } ? nil : request(amount)
    }
    return Component(
      name: name, kind: kind, replicas: replicas,
      cpuRequestMillicores: request(\.cpuRequest), memoryRequestBytes: request(\.memoryRequest),
      cpuLimitMillicores: limit(\.cpuLimit), memoryLimitBytes: limit(\.memoryLimit),
      missingRequests: missing.sorted(), source: file)
  }

  /// Reads `resources` of one container; a request that is unset but has a limit defaults to the limit,
  /// as the Kubernetes API server does.
  private func resources(_ container: Node, field: String, file: String) throws(PlanningError)
    -> ContainerResources
  {
    let name = YAMLReader.scalar(YAMLReader.child(container, "name")) ?? field
    let restartable = YAMLReader.scalar(YAMLReader.child(container, "restartPolicy")) == "Always"
    let resources = YAMLReader.child(container, "resources")
    func amount(_ section: String, _ resource: String) throws(PlanningError) -> Int64? {
      guard let node = YAMLReader.child(resources, section, resource), !YAMLReader.isNull(node)
      else { return nil }
      let quantity = try YAMLReader.quantity(
        node, field: "\(field).resources.\(section).\(resource)", file: file)
      return resource == "cpu" ? quantity.milliValue : quantity.value
    }
    let cpuLimit = try amount("limits", "cpu")
    let memoryLimit = try amount("limits", "memory")
    let cpuRequest = try amount("requests", "cpu")
    let memoryRequest = try amount("requests", "memory")
    return ContainerResources(
      name: name, restartable: restartable,
      cpuRequest: cpuRequest ?? cpuLimit, memoryRequest: memoryRequest ?? memoryLimit,
      cpuLimit: cpuLimit, memoryLimit: memoryLimit)
  }

  /// The scheduler's effective pod amount: max(sum of app containers + sidecars, peak during init).
  static func podTotal(_ app: [Int64], _ initial: [(amount: Int64, restartable: Bool)]) -> Int64 {
    var sidecars: Int64 = 0
    var initPeak: Int64 = 0
    for container in initial {
      if container.restartable {
        sidecars = sidecars.saturatingAdd(container.amount)
        initPeak = max(initPeak, sidecars)
      } else {
        initPeak = max(initPeak, sidecars.saturatingAdd(container.amount))
      }
    }
    let running = app.reduce(Int64(0)) { $0.saturatingAdd($1) }.saturatingAdd(sidecars)
    return max(running, initPeak)
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
