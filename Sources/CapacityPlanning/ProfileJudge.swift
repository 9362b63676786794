import CapacityModel

/// Draws one verdict per profile from every view that applies (method notes, "One verdict per
/// profile"): NOT RECOMMENDED when any view does not fit; MINIMUM when all fit and one leaves
/// under 20 % headroom; RECOMMENDED otherwise. The views are the manifests' requests, measured
/// usage (resource samples; it includes carrying the target), and, without samples, the load the
/// web replicas that fit by requests carry within the SLO (under 20 % headroom: target > 80 % of it).
public struct ProfileJudge: Sendable {
  public init() {}

  public func assess(_ plan: CapacityPlan, sizing: ThroughputSizing?) -> [ProfileAssessment] {
    plan.profiles.map { assess($0, plan: plan, sizing: sizing) }
  }

  private func assess(_ profile: Profile, plan: CapacityPlan, sizing: ThroughputSizing?) -> ProfileAssessment
  {
    let fit = plan.fits.first { $0.profile == profile }
    let row = plan.recommendation?.profiles.first { $0.profile == profile }
    var views: [(String, Verdict)] = []
    var reasons: [String] = []
    if let fit {
      views.append(("requests", fit.verdict))
      reasons += fit.reasons.map { "requests: \($0)" }
    }
    var carries: ProfileAssessment.CarriedLoad?
    if let row, let sizing {
      views.append(("measured usage", row.verdict))
      reasons += row.reasons.map { "measured: \($0)" }
      carries = .init(
        webComponent: sizing.webComponent, webReplicas: row.webReplicasThatFit, rps: row.capacityRPS,
        users: users(row.capacityRPS, sizing), basis: "measured usage")
    } else if let sizing, let deployment = plan.deployment,
      let replicas = webReplicasByRequests(deployment, web: sizing.webComponent, profile: profile)
    {
      let rps = Double(replicas) * sizing.perReplicaRPS
      carries = .init(
        webComponent: sizing.webComponent, webReplicas: replicas, rps: rps, users: users(rps, sizing),
        basis: "requests")
      let verdict: Verdict =
        rps < sizing.targetRPS ? .notRecommended : (sizing.targetRPS * 5 > rps * 4 ? .minimum : .recommended)
      views.append(("load carried", verdict))
      reasons.append(carryReason(replicas: replicas, rps: rps, verdict: verdict, sizing: sizing))
    }
    let verdict = views.map(\.1).min { rank($0) < rank($1) }
    return ProfileAssessment(
      profile: profile, requests: fit, measured: row, carries: carries, verdict: verdict,
      basis: views.map(\.0), reasons: reasons)
  }

  /// The named profile: the cheapest RECOMMENDED, else the cheapest MINIMUM, else none.
  public func recommend(_ assessments: [ProfileAssessment], plan: CapacityPlan, sizing: ThroughputSizing?)
    -> ProfileRecommendation
  {
    let sorted = assessments.sorted { Self.cost($0.profile) < Self.cost($1.profile) }
    let chosen =
      sorted.first { $0.verdict == .recommended } ?? sorted.first { $0.verdict == .minimum }
    let largest = sorted.last
    return ProfileRecommendation(
      profile: chosen?.profile, verdict: chosen?.verdict ?? (largest?.verdict == nil ? nil : .notRecommended),
      basis: (chosen ?? largest)?.basis ?? [], carries: (chosen ?? largest)?.carries,
      largest: largest?.profile, targetRPS: sizing?.targetRPS, targetUsers: sizing?.targetUsers,
      neededCPUMillicores: neededCPU(plan, sizing: sizing))
  }

  package static func cost(_ profile: Profile) -> (Int64, Int64, String) {
    (profile.cpuMillicores, profile.memoryBytes, profile.name)
  }

  private func rank(_ verdict: Verdict) -> Int {
    switch verdict {
    case .notRecommended: 0
    case .minimum: 1
    case .recommended: 2
    }
  }

  private func users(_ rps: Double, _ sizing: ThroughputSizing) -> Int? {
    sizing.perUserRPS.flatMap { $0 > 0 ? Int((rps / $0).rounded(.down)) : nil }
  }

  /// Web replicas at their manifest request that fit next to the other components' requests.
  private func webReplicasByRequests(_ deployment: Deployment, web: String, profile: Profile) -> Int? {
    guard let component = deployment[web] else { return nil }
    let footprint = Footprint(deployment)
    let otherCPU = footprint.cpuRequestMillicores - component.cpuRequestMillicores * Int64(component.replicas)
    let otherMemory = footprint.memoryRequestBytes - component.memoryRequestBytes * Int64(component.replicas)
    let limits = [
      (profile.allocatableCPUMillicores - otherCPU, component.cpuRequestMillicores),
      (profile.allocatableMemoryBytes - otherMemory, component.memoryRequestBytes),
    ].filter { $0.1 > 0 }
    guard !limits.isEmpty else { return nil }
    return limits.map { Int(max(0, $0.0) / $0.1) }.min()
  }

  private func carryReason(replicas: Int, rps: Double, verdict: Verdict, sizing: ThroughputSizing) -> String {
    let carried =
      "load: \(Quantities.count(replicas, "\(sizing.webComponent) replica")) "
      + (replicas == 1 ? "fits by requests and carries about " : "fit by requests and carry about ")
      + "\(NumberFormat.decimal(rps, places: 0)) req/s within the SLO; one carries "
      + "\(NumberFormat.decimal(sizing.perReplicaRPS, places: 1)) req/s, \(sizing.throughputBasis)"
    let target = "the \(NumberFormat.decimal(sizing.targetRPS, places: 0)) req/s target"
    switch verdict {
    case .notRecommended: return carried + ", below \(target)"
    case .minimum: return carried + ", \(target) with under 20 % headroom"
    case .recommended: return carried + ", \(target) with at least 20 % headroom"
    }
  }

  /// The CPU requests the target needs: the measured plan's, else the manifests' with the web
  /// component scaled to ⌈target ÷ per-replica throughput⌉ replicas, else the manifests'.
  private func neededCPU(_ plan: CapacityPlan, sizing: ThroughputSizing?) -> Int64? {
    if let measured = plan.recommendation { return measured.cpuMillicores }
    guard let deployment = plan.deployment else { return nil }
    let footprint = Footprint(deployment)
    guard let sizing, let web = deployment[sizing.webComponent], sizing.perReplicaRPS > 0 else {
      return footprint.cpuRequestMillicores
    }
    let replicas = Int64((sizing.targetRPS / sizing.perReplicaRPS).rounded(.up))
    return footprint.cpuRequestMillicores + web.cpuRequestMillicores * (replicas - Int64(web.replicas))
  }
}
