extension AnswerComposer {
  /// The answer from measured usage: the cheapest RECOMMENDED profile and the minimum one.
  func measuredAnswer(_ plan: ReplicaPlan) -> String {
    func cost(_ row: ReplicaPlan.ProfileRow) -> (Int64, Int64, String) {
      (row.profile.cpuMillicores, row.profile.memoryBytes, row.profile.name)
    }
    let recommended = plan.profiles.filter { $0.verdict == .recommended }.min { cost($0) < cost($1) }
    let minimum = plan.profiles.filter { $0.verdict != .notRecommended }.min { cost($0) < cost($1) }
    let cannot = plan.profiles.filter { $0.verdict == .notRecommended }.map(\.profile.name)
    let target =
      "\(NumberFormat.decimal(plan.targetRPS, places: 0)) req/s"
      + (plan.targetUsers.map { " (\($0) users)" } ?? "")
    let web = plan.components.first { $0.name == plan.webComponent }
    let replicas =
      web.map {
        "\(plan.webReplicas) \($0.name) replica(s) at \(Quantities.millicores($0.cpuMillicores)) / \(Quantities.quantity(bytes: $0.memoryBytes)) each"
      } ?? "\(plan.webReplicas) \(plan.webComponent) replica(s)"
    let tail = cannot.isEmpty ? "" : "; \(Quantities.list(cannot)) cannot carry it"
    func usage(_ row: ReplicaPlan.ProfileRow) -> String {
      if row.cpuPercent.tenths > 1000 || row.memoryPercent.tenths > 1000 {
        return
          "\(row.webReplicasThatFit) busier \(plan.webComponent) replica(s) above the target utilisation, "
          + "about \(NumberFormat.decimal(row.capacityRPS, places: 0)) req/s"
      }
      return "\(row.cpuPercent) % of its CPU and \(row.memoryPercent) % of its memory"
    }
    switch (recommended, minimum) {
    case (let recommended?, let minimum?) where minimum.profile != recommended.profile:
      return "Buy \(Self.describe(recommended.profile)) (RECOMMENDED): for \(target), measured usage needs "
        + "\(replicas), \(usage(recommended)); \(Self.describe(minimum.profile)) is the minimum "
        + "(MINIMUM: \(usage(minimum)))\(tail)."
    case (let recommended?, _):
      return "Buy \(Self.describe(recommended.profile)): for \(target), measured usage needs \(replicas), "
        + "\(usage(recommended)), leaving at least 20 % headroom\(tail)."
    case (nil, let minimum?):
      return
        "Buy \(Self.describe(minimum.profile)) as the minimum: for \(target), measured usage needs \(replicas); "
        + "it carries the load with \(usage(minimum)), and no profile is RECOMMENDED\(tail)."
    case (nil, nil):
      let largest = plan.profiles.max { cost($0) < cost($1) }
      let capacity =
        largest.map {
          ": the largest, \(Self.describe($0.profile)), fits \($0.webReplicasThatFit) \(plan.webComponent) replica(s), "
            + "about \(NumberFormat.decimal($0.capacityRPS, places: 0)) req/s"
        } ?? ""
      return
        "No profile carries \(target) within the SLO on measured usage\(capacity); add a larger profile, "
        + "lower the target or make the app cheaper per request."
    }
  }
}
