/// Writes the report's one-sentence answer and the evidence behind it.
///
/// The profile comes from the manifest requests (the first cut of planning); the runs supply the
/// evidence of how much load was carried within the SLO. INVALID runs never count as evidence.
public struct AnswerComposer: Sendable {
  public var thresholds: AnalysisThresholds

  public init(thresholds: AnalysisThresholds) {
    self.thresholds = thresholds
  }

  public func answer(plan: CapacityPlan) -> String {
    if let recommendation = plan.recommendation { return measuredAnswer(recommendation) }
    guard let deployment = plan.deployment else {
      return "No profile can be sized without the deployment: pass its Kubernetes manifests or "
        + "Compose file with --manifests."
    }
    let footprint = Footprint(deployment)
    let request =
      "\(Quantities.millicores(footprint.cpuRequestMillicores)) CPU and \(Quantities.quantity(bytes: footprint.memoryRequestBytes)) memory"
    let recommended = plan.fits.first { $0.verdict == .recommended }
    let minimum = plan.fits.first { $0.verdict == .minimum }
    let unschedulable = plan.fits.filter { $0.verdict == .notRecommended }.map(\.profile.name)
    let cannot =
      unschedulable.isEmpty ? "" : "; \(Quantities.list(unschedulable)) cannot schedule the requests"
    switch (minimum, recommended) {
    case (let minimum?, let recommended?) where isCheaper(minimum, than: recommended):
      return "Buy \(Self.describe(recommended.profile)) (RECOMMENDED: the manifests request \(request), "
        + "\(usage(recommended))); \(Self.describe(minimum.profile)) is the minimum that schedules "
        + "(\(usage(minimum)), under 20 % headroom)\(cannot)."
    case (_, let recommended?):
      return "Buy \(Self.describe(recommended.profile)): the manifests request \(request), "
        + "\(usage(recommended)), leaving at least 20 % headroom\(cannot)."
    case (let minimum?, nil):
      return "Buy \(Self.describe(minimum.profile)) as the minimum: the manifests request \(request), "
        + "\(usage(minimum)), which leaves under 20 % headroom and no profile is RECOMMENDED\(cannot)."
    case (nil, nil):
      let largest = plan.fits.last.map { Self.describe($0.profile) } ?? "any profile"
      return "No profile fits: the manifests request \(request), more than \(largest) allocates; "
        + "scale the deployment down as the profile table shows, or add a larger profile."
    }
  }

  /// Sentences on what the runs showed, naming the runs left out and why.
  public func evidence(_ analyses: [RunAnalysis]) -> [String] {
    var sentences: [String] = []
    let usable = analyses.filter { $0.validity.verdict != .invalid && $0.requests != nil }
    let slo =
      "p95 ≤ \(NumberFormat.milliseconds(thresholds.sloP95Ms)), errors ≤ "
      + NumberFormat.percent(thresholds.sloErrorRate)
    if usable.isEmpty {
      sentences.append("No run is valid evidence, so nothing was measured about the application.")
    } else {
      let within = usable.filter { $0.meetsSLO(thresholds) }.max {
        $0.requestsPerSecond < $1.requestsPerSecond
      }
      if let within {
        sentences.append(
          "The heaviest load within the SLO (\(slo)) was \(within.run.name): "
            + "\(NumberFormat.decimal(within.requestsPerSecond, places: 1)) req/s"
            + (within.usersMax.map { " with \($0) users" } ?? "")
            + ", p95 \(NumberFormat.milliseconds(within.latency.p95)).")
      } else {
        sentences.append("No valid run stayed within the SLO (\(slo)).")
      }
      if let busiest = usable.max(by: { $0.requestsPerSecond < $1.requestsPerSecond }), busiest != within {
        sentences.append(
          "The busiest valid run, \(busiest.run.name), carried "
            + "\(NumberFormat.decimal(busiest.requestsPerSecond, places: 1)) req/s at p95 "
            + "\(NumberFormat.milliseconds(busiest.latency.p95)) and "
            + "\(NumberFormat.percent(busiest.errorRate)) errors.")
      }
    }
    let invalid = analyses.filter { $0.validity.verdict == .invalid }
    if !invalid.isEmpty {
      let names = invalid.map { run in
        let cause = run.validity.reasons.first?.split(separator: ":").first.map(String.init) ?? "invalid"
        return "\(run.run.name) (\(cause))"
      }
      sentences.append("Left out as INVALID: \(Quantities.list(names)).")
    }
    return sentences
  }

  private func usage(_ fit: ProfileFit) -> String {
    "\(fit.cpuRequestsPercent) % of its CPU and \(fit.memoryRequestsPercent) % of its memory"
  }

  private func isCheaper(_ lhs: ProfileFit, than rhs: ProfileFit) -> Bool {
    (lhs.profile.cpuMillicores, lhs.profile.memoryBytes) < (
      rhs.profile.cpuMillicores, rhs.profile.memoryBytes
    )
  }

  static func describe(_ profile: Profile) -> String {
    "\(profile.name) (\(Quantities.cpu(profile.cpuMillicores)) CPU, \(Quantities.memory(profile.memoryBytes)))"
  }
}
