import CapacityModel
import Yams

/// Reads a profiles YAML file that adds VPS profiles or replaces built-ins by name:
///
///     profiles:
///       - name: vps-16gb
///         cpu: "8"            # Kubernetes quantity or number (cores)
///         memory: 16Gi        # Kubernetes quantity or number (bytes)
///         overhead: {cpu: 250m, memory: 512Mi}
///         description: 16 GB / 8 CPU VPS
///         quota: vps-quota    # a ResourceQuota of the manifests replayed as this profile's admission
///
/// An entry named like a base profile replaces it and inherits the `cpu`/`memory` it leaves out.
public struct ProfileLoader: Sendable {
  private static let keys: Set<String> = ["name", "cpu", "memory", "overhead", "description", "quota"]

  /// Creates a loader.
  public init() {}

  /// Merges a profiles file read by Ingest into `base`; the result is sorted by (cpu, memory, name).
  public func load(_ document: TextDocument, base: [Profile] = Profile.builtIns) throws(PlanningError)
    -> [Profile]
  {
    try parse(yaml: document.text, file: document.path, base: base)
  }

  /// Parses profiles YAML text and merges it into `base`; `file` names the source in errors.
  public func parse(yaml: String, file: String, base: [Profile] = Profile.builtIns)
    throws(PlanningError) -> [Profile]
  {
    guard let root = try YAMLReader.documents(yaml, file: file).first,
      let list = YAMLReader.child(root, "profiles")
    else {
      throw .missingField(file: file, field: "profiles")
    }
    guard case .sequence(let entries) = list else {
      throw .invalidField(
        file: file, field: "profiles", value: YAMLReader.text(list),
        reason: "expected a list of profiles")
    }
    var profiles = base
    var seen = Set<String>()
    for (index, entry) in entries.enumerated() {
      let profile = try parseEntry(entry, field: "profiles[\(index)]", file: file, base: base)
      guard seen.insert(profile.name).inserted else {
        throw .duplicateProfile(file: file, name: profile.name)
      }
      profiles.removeAll { $0.name == profile.name }
      profiles.append(profile)
    }
    return Profile.sorted(profiles)
  }

  private func parseEntry(_ entry: Node, field: String, file: String, base: [Profile])
    throws(PlanningError) -> Profile
  {
    guard case .mapping(let mapping) = entry else {
      throw .invalidField(
        file: file, field: field, value: YAMLReader.text(entry),
        reason: "expected a mapping with name, cpu and memory")
    }
    for key in mapping.keys {
      let name = YAMLReader.text(key)
      guard Self.keys.contains(name) else {
        throw .invalidField(
          file: file, field: "\(field).\(name)", value: name,
          reason: "unknown key; expected name, cpu, memory, overhead, description or quota")
      }
    }
    guard let name = YAMLReader.scalar(YAMLReader.child(entry, "name")), !name.isEmpty else {
      throw .missingField(file: file, field: "\(field).name")
    }
    let replaced = base.first { $0.name == name }
    var profile = replaced ?? Profile(name: name, cpuMillicores: 0, memoryBytes: 0)
    profile.description =
      YAMLReader.scalar(YAMLReader.child(entry, "description")) ?? replaced?.description

    if let quota = YAMLReader.scalar(YAMLReader.child(entry, "quota")), !quota.isEmpty {
      profile.quota = quota
    }
    if let cpu = YAMLReader.child(entry, "cpu"), !YAMLReader.isNull(cpu) {
      profile.cpuMillicores = try YAMLReader.quantity(cpu, field: "\(field).cpu", file: file)
        .milliValue
    } else if replaced == nil {
      throw .missingField(file: file, field: "\(field).cpu")
    }
    if let memory = YAMLReader.child(entry, "memory"), !YAMLReader.isNull(memory) {
      profile.memoryBytes = try YAMLReader.quantity(memory, field: "\(field).memory", file: file)
        .value
    } else if replaced == nil {
      throw .missingField(file: file, field: "\(field).memory")
    }
    guard profile.cpuMillicores > 0 else {
      throw .invalidField(
        file: file, field: "\(field).cpu",
        value: YAMLReader.text(YAMLReader.child(entry, "cpu") ?? ""),
        reason: "a profile needs more than 0 cpu")
    }
    guard profile.memoryBytes > 0 else {
      throw .invalidField(
        file: file, field: "\(field).memory",
        value: YAMLReader.text(YAMLReader.child(entry, "memory") ?? ""),
        reason: "a profile needs more than 0 memory")
    }
    if let overhead = YAMLReader.child(entry, "overhead"), !YAMLReader.isNull(overhead) {
      profile.overhead = try parseOverhead(overhead, field: "\(field).overhead", file: file)
    }
    guard profile.allocatableCPUMillicores > 0, profile.allocatableMemoryBytes > 0 else {
      throw .invalidField(
        file: file, field: "\(field).overhead",
        value: YAMLReader.text(YAMLReader.child(entry, "overhead") ?? ""),
        reason: "the overhead leaves nothing allocatable on profile '\(name)'")
    }
    return profile
  }

  private func parseOverhead(_ node: Node, field: String, file: String) throws(PlanningError)
    -> Overhead
  {
    if YAMLReader.scalar(node) == "none" { return .none }
    guard case .mapping(let mapping) = node else {
      throw .invalidField(
        file: file, field: field, value: YAMLReader.text(node),
        reason: "expected 'none' or a mapping with cpu and memory")
    }
    for key in mapping.keys where !["cpu", "memory"].contains(YAMLReader.text(key)) {
      throw .invalidField(
        file: file, field: "\(field).\(YAMLReader.text(key))", value: YAMLReader.text(key),
        reason: "unknown key; expected cpu or memory")
    }
    var overhead = Overhead(model: "explicit", cpuMillicores: 0, memoryBytes: 0)
    if let cpu = YAMLReader.child(node, "cpu"), !YAMLReader.isNull(cpu) {
      overhead.cpuMillicores = try YAMLReader.quantity(cpu, field: "\(field).cpu", file: file)
        .milliValue
    }
    if let memory = YAMLReader.child(node, "memory"), !YAMLReader.isNull(memory) {
      overhead.memoryBytes = try YAMLReader.quantity(memory, field: "\(field).memory", file: file)
        .value
    }
    return overhead
  }
}
