/// How much of a VPS the system keeps for itself (CAPACITY-MATH.md §3.4); allocatable = capacity − overhead.
///
/// - `none`: nothing reserved (the built-in profiles' default).
/// - `docker`: plain Docker Compose: the OS (300 MiB) plus the 100 MiB eviction margin, and 100m CPU
///   for the OS and the container runtime.
/// - `k3s`: the GKE reservation tiers, which are above k3s's own 0.6 GB server + 0.3 GB OS at these
///   sizes, plus the 100 MiB eviction threshold. Memory: 25 % of the first 4 GiB, 20 % of the next 4,
///   10 % of the next 8, 6 % of the next 112, 2 % above; CPU: 6 % of the first core, 1 % of the second,
///   0.5 % of cores 3–4, 0.25 % above. 4 GiB / 2 CPU → 1124Mi and 70m.
/// - `explicit`: what a profile file says.
public enum OverheadModel: String, Sendable, CaseIterable {
  case none
  case docker
  case k3s
  case explicit

  package static let mebibyte: Int64 = 1 << 20
  package static let gibibyte: Int64 = 1 << 30

  /// The overhead this model reserves on a profile; `explicit` keeps the profile's own.
  public func overhead(for profile: Profile) -> Overhead {
    switch self {
    case .none: .none
    case .docker: Overhead(model: rawValue, cpuMillicores: 100, memoryBytes: 400 * Self.mebibyte)
    case .k3s:
      Overhead(
        model: rawValue, cpuMillicores: Self.gkeCPU(profile.cpuMillicores),
        memoryBytes: Self.gkeMemory(profile.memoryBytes) + 100 * Self.mebibyte)
    case .explicit: profile.overhead
    }
  }

  /// Where the numbers come from, for the report.
  public var source: String {
    switch self {
    case .none: "no system overhead assumed (pass --overhead docker or k3s to reserve some)"
    case .docker: "Docker Compose host: OS 300Mi + 100Mi eviction margin, 100m CPU"
    case .k3s:
      "k3s node: GKE reservation tiers (CPU 6 % of the first core, 1 % of the second, 0.5 % of cores 3–4, "
        + "0.25 % above; memory 25 % of the first 4 GiB, 20 % of the next 4, 10 % of the next 8, 6 % of the "
        + "next 112, 2 % above) + 100Mi eviction threshold"
    case .explicit: "the profile file's overhead"
    }
  }

  /// Applies the model to profiles; profiles whose file gave an explicit overhead keep it.
  public static func apply(_ model: OverheadModel, to profiles: [Profile]) -> [Profile] {
    profiles.map { profile in
      guard profile.overhead.model != OverheadModel.explicit.rawValue else { return profile }
      var copy = profile
      copy.overhead = model.overhead(for: profile)
      return copy
    }
  }

  /// The GKE memory reservation for a node of `bytes` capacity.
  package static func gkeMemory(_ bytes: Int64) -> Int64 {
    let tiers: [(size: Int64, percent: Int64)] = [
      (4 * gibibyte, 25), (4 * gibibyte, 20), (8 * gibibyte, 10), (112 * gibibyte, 6), (Int64.max / 200, 2),
    ]
    var remaining = bytes
    var reserved: Int64 = 0
    for tier in tiers where remaining > 0 {
      let slice = min(remaining, tier.size)
      reserved += slice * tier.percent / 100
      remaining -= slice
    }
    return reserved
  }

  /// The GKE CPU reservation for a node of `millicores` capacity, in millicores (rounded down).
  package static func gkeCPU(_ millicores: Int64) -> Int64 {
    let tiers: [(size: Int64, perTenThousand: Int64)] = [
      (1000, 600), (1000, 100), (2000, 50), (Int64.max / 100_000, 25),
    ]
    var remaining = millicores
    var reserved: Int64 = 0
    for tier in tiers where remaining > 0 {
      let slice = min(remaining, tier.size)
      reserved += slice * tier.perTenThousand / 10_000
      remaining -= slice
    }
    return reserved
  }
}
