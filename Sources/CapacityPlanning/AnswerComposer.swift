import CapacityModel

/// Writes the report's one-sentence answer and the evidence behind it.
///
/// The answer names the profile table's own choice (`CapacityPlan.choice`: the cheapest
/// RECOMMENDED, else the cheapest MINIMUM, else none), so it can never contradict the table.
/// INVALID runs never count as evidence; a functional SLO miss never reads as "buy more".
public struct AnswerComposer: Sendable {
  public var thresholds: AnalysisThresholds

  public init(thresholds: AnalysisThresholds) {
    self.thresholds = thresholds
  }

  public func answer(plan: CapacityPlan) -> String {
    guard let choice = plan.choice, choice.verdict != nil else {
      return "No profile can be sized without the deployment: pass its Kubernetes manifests or "
        + "Compose file with --manifests."
    }
    guard let profile = choice.profile,
      let chosen = plan.assessments.first(where: { $0.profile == profile })
    else { return noneCarries(plan, choice: choice) }
    let basis = choice.basis.joined(separator: " and ")
    let figures = details(chosen, plan: plan)
    if chosen.verdict == .recommended {
      let minimum = plan.assessments.filter { $0.verdict == .minimum }
        .min { ProfileJudge.cost($0.profile) < ProfileJudge.cost($1.profile) }
      let cheaper = minimum.flatMap { ProfileJudge.cost($0.profile) < ProfileJudge.cost(profile) ? $0 : nil }
      return "Buy \(Self.describe(profile)) (RECOMMENDED on \(basis)): \(figures), leaving at least 20 % "
        + "headroom" + (cheaper.map { "; \(Self.describe($0.profile)) is the minimum (MINIMUM)" } ?? "")
        + cannot(plan) + "."
    }
    return "Buy \(Self.describe(profile)) as the minimum (MINIMUM on \(basis)): \(figures), which leaves "
      + "under 20 % headroom and no profile is RECOMMENDED" + cannot(plan) + "."
  }

  /// The figures of the chosen row: requests, measured use, the load it carries against the target.
  private func details(_ row: ProfileAssessment, plan: CapacityPlan) -> String {
    var parts: [String] = []
    if let fit = row.requests, let deployment = plan.deployment {
      let footprint = Footprint(deployment)
      parts.append(
        "the manifests request \(Quantities.millicores(footprint.cpuRequestMillicores)) CPU and "
          + "\(Quantities.quantity(bytes: footprint.memoryRequestBytes)) memory, \(fit.cpuRequestsPercent) % "
          + "of its CPU and \(fit.memoryRequestsPercent) % of its memory")
    }
    if let measured = row.measured {
      parts.append(
        "measured usage needs \(measured.cpuPercent) % of its CPU and \(measured.memoryPercent) % of its memory"
      )
    }
    if let carries = row.carries {
      parts.append(carried(carries) + target(plan))
    }
    return parts.joined(separator: "; ")
  }

  private func carried(_ load: ProfileAssessment.CarriedLoad) -> String {
    "\(Quantities.count(load.webReplicas, "\(load.webComponent) replica")) "
      + (load.webReplicas == 1 ? "carries about " : "carry about ")
      + (load.users.map { "\($0) users / " } ?? "") + "\(NumberFormat.decimal(load.rps, places: 0)) req/s "
      + "within the SLO"
  }

  private func target(_ plan: CapacityPlan) -> String {
    guard let sizing = plan.sizing else { return "" }
    return " for a target of " + (sizing.targetUsers.map { "\($0) users / " } ?? "")
      + "\(NumberFormat.decimal(sizing.targetRPS, places: 0)) req/s"
  }

  private func cannot(_ plan: CapacityPlan) -> String {
    let names = plan.assessments.filter { $0.verdict == .notRecommended }.map(\.profile.name)
    return names.isEmpty
      ? "" : "; \(Quantities.list(names)) \(names.count == 1 ? "is" : "are") NOT RECOMMENDED"
  }

  /// No profile is RECOMMENDED or MINIMUM.
  private func noneCarries(_ plan: CapacityPlan, choice: ProfileRecommendation) -> String {
    let largest = choice.largest.map(Self.describe) ?? "the largest profile"
    let need =
      choice.neededCPUMillicores.map {
        "; it would need about \(NumberFormat.decimal(Double($0) / 1000, places: 1)) CPU"
      } ?? ""
    guard let sizing = plan.sizing, let carries = choice.carries else {
      let request =
        plan.deployment.map { deployment -> String in
          let footprint = Footprint(deployment)
          return "\(Quantities.millicores(footprint.cpuRequestMillicores)) CPU and "
            + "\(Quantities.quantity(bytes: footprint.memoryRequestBytes)) memory"
        } ?? "more"
      return "No profile fits: the manifests request \(request), more than \(largest) allocates; "
        + "scale the deployment down as the profile table shows, or add a larger profile."
    }
    let target =
      (sizing.targetUsers.map { "\($0) users / " } ?? "")
      + "\(NumberFormat.decimal(sizing.targetRPS, places: 0)) req/s"
    return "None carries the target (\(target)): the largest, \(largest), carries "
      + (carries.users.map { "\($0) users / " } ?? "")
      + "\(NumberFormat.decimal(carries.rps, places: 0)) req/s "
      + "with \(Quantities.count(carries.webReplicas, "\(carries.webComponent) replica"))\(need)."
  }

  package static func describe(_ profile: Profile) -> String {
    "\(profile.name) (\(Quantities.cpu(profile.cpuMillicores)) CPU, \(Quantities.memory(profile.memoryBytes)))"
  }
}
