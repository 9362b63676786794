import CapacityAnalysis
import CapacityModel

extension ReplicaRecommender {
  /// The load to plan for and the web replicas that carry it (steps 2 and 3).
  struct TargetPlan {
    var rps: Double
    var users: Int?
    var basis: String
    var perUser: Double?
    /// Web replicas the target keeps busy at the planned utilisation.
    var active: Int
    /// `active`, plus one for failover, raised to the autoscaler's floor.
    var webReplicas: Int
    var assumptions: [String]

    /// What each active web replica carries, req/s.
    var loadPerReplica: Double { rps / Double(active) }
  }

  /// Target load: `--target-rps`, users × the per-user rate at X, or the largest valid scenario.
  /// Web replicas: ⌈target ÷ (X × ρ)⌉ (+1 with failover), at least the autoscaler's floor.
  func targetPlan(
    _ throughput: MeasuredThroughput, perReplica: Double, measuredReplicas: Double, analyses: [RunAnalysis],
    deployment: Deployment?, web: String
  ) -> TargetPlan? {
    guard let resolved = target.resolve(throughput: throughput, analyses: analyses) else { return nil }
    var assumptions: [String] = []
    if resolved.users != nil, resolved.perUser != nil {
      assumptions.append(
        "users are converted to req/s with the per-user rate measured within the SLO "
          + "(closed test with think time: each user issues about the same req/s until the app saturates)")
    }
    let active = Int((resolved.rps / (perReplica * utilisation)).rounded(.up).clamped(1, 10_000))
    var webReplicas = active + (failover ? 1 : 0)
    if let autoscaler = deployment?[web]?.autoscaler {
      assumptions.append(Self.autoscalerNote(autoscaler, need: webReplicas, web: web))
      webReplicas = max(webReplicas, autoscaler.minReplicas)
    }
    assumptions.append(
      "one \(web) replica carries \(NumberFormat.decimal(perReplica, places: 1)) req/s within the SLO "
        + "(\(throughput.basis)\(measuredReplicas > 1 ? ", ÷ \(Int(measuredReplicas)) replicas measured" : "")); "
        + "replicas run at \(NumberFormat.percent(utilisation, places: 0)) of that"
        + (failover ? ", plus one for failover" : ""))
    assumptions.append(
      "more replicas add throughput in proportion only while nothing else (database, locks) saturates; "
        + "more vCPUs help a fixed worker pool only if its worker count grows with them")
    return TargetPlan(
      rps: resolved.rps, users: resolved.users, basis: resolved.basis, perUser: resolved.perUser,
      active: active,
      webReplicas: webReplicas, assumptions: assumptions)
  }

  /// How the measured need meets the web component's autoscaler: below `minReplicas` the autoscaler's
  /// floor is kept; above `maxReplicas` it says the autoscaler cannot reach the need.
  package static func autoscalerNote(_ autoscaler: AutoscalerRange, need: Int, web: String) -> String {
    let range =
      "HorizontalPodAutoscaler \(autoscaler.name) keeps \(web) between \(autoscaler.minReplicas) and \(autoscaler.maxReplicas) replicas"
    if need > autoscaler.maxReplicas {
      return
        "\(range): the measured need of \(need) exceeds maxReplicas, so the autoscaler cannot reach it; raise maxReplicas to \(need)"
    }
    if need < autoscaler.minReplicas {
      return
        "\(range): the measured need is \(need), the plan keeps its minReplicas \(autoscaler.minReplicas)"
    }
    return "\(range): the measured need of \(need) is within that range"
  }
}

extension Double {
  fileprivate func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(Swift.max(self, low), high) }
}
