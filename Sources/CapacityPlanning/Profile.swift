import CapacityModel

/// A VPS size to plan against: raw capacity minus the system overhead gives what workloads can request.
public struct Profile: Sendable, Equatable {
  /// Identifier such as `vps-4gb`.
  public var name: String
  /// Capacity, in millicores.
  public var cpuMillicores: Int64
  /// Capacity, in bytes.
  public var memoryBytes: Int64
  /// What the system keeps for itself.
  public var overhead: Overhead
  /// Free text for reports, such as "4 GB / 2 CPU VPS".
  public var description: String?
  /// A ResourceQuota of the manifests that stands for this profile (`quota: NAME`): its admission is
  /// replayed over the manifests with the quota in force from the start.
  public var quota: String? = nil

  /// Creates a profile (millicores and bytes).
  public init(
    name: String, cpuMillicores: Int64, memoryBytes: Int64, overhead: Overhead = .none,
    description: String? = nil
  ) {
    self.name = name
    self.cpuMillicores = cpuMillicores
    self.memoryBytes = memoryBytes
    self.overhead = overhead
    self.description = description
  }

  /// CPU left for workloads (capacity − overhead, at least 0), in millicores.
  public var allocatableCPUMillicores: Int64 { max(0, cpuMillicores - overhead.cpuMillicores) }
  /// Memory left for workloads (capacity − overhead, at least 0), in bytes.
  public var allocatableMemoryBytes: Int64 { max(0, memoryBytes - overhead.memoryBytes) }

  private static let gibibyte: Int64 = 1 << 30

  /// The three VPS sizes the tool knows without a profile file: 2 CPU/4 GiB, 3 CPU/6 GiB, 4 CPU/8 GiB, no overhead.
  public static let builtIns: [Profile] = [
    Profile(
      name: "vps-4gb", cpuMillicores: 2000, memoryBytes: 4 * gibibyte,
      description: "4 GB / 2 CPU VPS"),
    Profile(
      name: "vps-6gb", cpuMillicores: 3000, memoryBytes: 6 * gibibyte,
      description: "6 GB / 3 CPU VPS"),
    Profile(
      name: "vps-8gb", cpuMillicores: 4000, memoryBytes: 8 * gibibyte,
      description: "8 GB / 4 CPU VPS"),
  ]

  /// One profile per ResourceQuota (`--profiles-from-quota`): capacity from `requests.cpu`/`requests.memory`,
  /// else `cpu`/`memory`, else `limits.cpu`/`limits.memory`; quotas that bound neither are left out.
  public static func fromQuotas(_ quotas: [ResourceQuota]) -> [Profile] {
    quotas.compactMap { quota in
      func pick(_ resource: String) -> (Quantity, String)? {
        for key in ["requests.\(resource)", resource, "limits.\(resource)"] {
          if let value = quota.hard[key] { return (value, key) }
        }
        return nil
      }
      guard let (cpu, cpuKey) = pick("cpu"), let (memory, memoryKey) = pick("memory"), cpu.milliValue > 0,
        memory.value > 0
      else { return nil }
      var profile = Profile(
        name: quota.name, cpuMillicores: cpu.milliValue, memoryBytes: memory.value,
        description: "ResourceQuota \(quota.name) in \(quota.namespace) (\(cpuKey), \(memoryKey))")
      profile.quota = quota.name
      return profile
    }
  }

  /// Sorts profiles by CPU, then memory, then name.
  public static func sorted(_ profiles: [Profile]) -> [Profile] {
    profiles.sorted {
      ($0.cpuMillicores, $0.memoryBytes, $0.name) < ($1.cpuMillicores, $1.memoryBytes, $1.name)
    }
  }
}
