import CapacityModel
import Foundation

/// Turns load steps into a saturation analysis: USL fit, forecast check, Kneedle knees, the rules
/// of CAPACITY-MATH.md §2.2, the saturation point, the bottleneck and the capacity at the SLO.
/// Pure: the bootstrap is seeded from the thresholds.
public struct SaturationAnalyzer: Sendable {
  public var thresholds: AnalysisThresholds
  public var objectives: ServiceLevelObjectives

  public init(thresholds: AnalysisThresholds, objectives: ServiceLevelObjectives? = nil) {
    self.thresholds = thresholds
    self.objectives = objectives ?? ServiceLevelObjectives(thresholds: thresholds)
  }

  /// The steps of one stepped run (short ramps already dropped by `LoadStepDetector`), or the
  /// bands of a continuous ramp.
  public static func steps(of analysis: RunAnalysis) -> [SaturationStep] {
    analysis.steps.map { step in
      SaturationStep(
        users: step.users, throughput: step.requestsPerSecond, p50Ms: step.p50Ms, p95Ms: step.p95Ms,
        p99Ms: step.p99Ms, meanMs: step.meanMs, errorRate: step.errorRate, requests: step.requests,
        steady: step.isSteady,
        label: (step.band.map { "users \($0.lowerBound)–\($0.upperBound), " } ?? "")
          + "\(NumberFormat.decimal(step.startSeconds, places: 0))–"
          + "\(NumberFormat.decimal(step.endSeconds, places: 0)) s")
    }
  }

  /// Several runs at different user counts as one series: each usable run with at most one step is
  /// a level (its run-wide figures at its peak users). INVALID and multi-step runs are left out.
  public static func steps(ofRuns analyses: [RunAnalysis], thresholds: AnalysisThresholds)
    -> [SaturationStep]
  {
    analyses.filter {
      $0.validity.verdict != .invalid && $0.steps.count <= 1 && $0.usersMax != nil && $0.requests != nil
    }
    .compactMap { analysis -> SaturationStep? in
      guard let users = analysis.usersMax, users > 0, let requests = analysis.requests else { return nil }
      let seconds = analysis.durationSeconds ?? 0
      return SaturationStep(
        users: users, throughput: analysis.requestsPerSecond, p50Ms: analysis.latency.p50,
        p95Ms: analysis.latency.p95, p99Ms: analysis.latency.p99, meanMs: analysis.latency.mean,
        errorRate: analysis.errorRate, requests: requests,
        steady: seconds >= thresholds.stepMinimumSeconds && requests >= thresholds.stepMinimumRequests,
        label: analysis.run.name)
    }
  }

  public func analyze(
    source: String, runIDs: [String], steps unsorted: [SaturationStep], loads: [ComponentLoad] = []
  ) -> SaturationAnalysis {
    let steps = unsorted.sorted { ($0.users, $0.label) < ($1.users, $1.label) }
    var notes: [String] = []
    let steady = steps.filter(\.steady)
    if steady.count < steps.count {
      notes.append(
        "\(steps.count - steady.count) of \(steps.count) steps are too short to count as steady state "
          + "(each needs ≥ \(NumberFormat.decimal(thresholds.stepMinimumSeconds, places: 0)) s and "
          + "≥ \(thresholds.stepMinimumRequests) requests); the curve and fit below use them anyway, so "
          + "treat the numbers as indicative.")
    }
    let points = steps.map { USLFit.Point(users: Double($0.users), throughput: $0.throughput) }
    let fit = USLFitter(bootstrapReplicates: thresholds.bootstrapReplicates, seed: thresholds.bootstrapSeed)
      .fit(points)
    notes += fit?.notes ?? []
    let trips = self.trips(steps)
    let saturation = trips.first
    return SaturationAnalysis(
      source: source, runIDs: runIDs, steps: steps, fit: fit,
      missingSteps: fit == nil ? missing(steps) : nil, forecast: USLForecast.check(points),
      throughputKnee: knee(steps, values: steps.map(\.throughput), curve: .concave, trips: trips),
      latencyKnee: latencyKnee(steps, trips: trips), trips: trips, saturationPoint: saturation,
      bottleneck: bottleneck(at: saturation, loads: loads),
      capacity: capacity(steps), notes: notes)
  }

  // MARK: - Rules

  package func trips(_ steps: [SaturationStep]) -> [RuleTrip] {
    var trips: [RuleTrip] = []
    guard let first = steps.first else { return [] }
    let initialSlope = first.throughput / Double(first.users)
    for (index, step) in steps.enumerated() {
      if index > 0 {
        let previous = steps[index - 1]
        let deltaUsers = Double(step.users - previous.users)
        if deltaUsers > 0 {
          let slope = (step.throughput - previous.throughput) / deltaUsers
          if slope < thresholds.plateauFraction * initialSlope {
            trips.append(
              RuleTrip(
                rule: .plateau, users: step.users, stepIndex: index,
                detail: "\(previous.users) → \(step.users) users added "
                  + "\(NumberFormat.decimal(slope, places: 3)) req/s per user, under "
                  + "\(NumberFormat.percent(thresholds.plateauFraction, places: 0)) of the initial "
                  + "\(NumberFormat.decimal(initialSlope, places: 3))"))
          }
        }
      }
      if let p95 = step.p95Ms, p95 > thresholds.sloP95Ms {
        trips.append(
          RuleTrip(
            rule: .latencySLO, users: step.users, stepIndex: index,
            detail:
              "p95 \(NumberFormat.milliseconds(p95)) > \(NumberFormat.milliseconds(thresholds.sloP95Ms)) "
              + "at \(step.users) users"))
      }
      if step.errorRate > thresholds.sloErrorRate {
        trips.append(
          RuleTrip(
            rule: .errorSLO, users: step.users, stepIndex: index,
            detail: "error rate \(NumberFormat.percent(step.errorRate, places: 2)) > "
              + "\(NumberFormat.percent(thresholds.sloErrorRate, places: 2)) at \(step.users) users"))
      }
      if index > 0 {
        let previous = steps[index - 1]
        if step.throughput < previous.throughput * (1 - thresholds.retrogradeTolerance) {
          trips.append(
            RuleTrip(
              rule: .falling, users: step.users, stepIndex: index,
              detail: "\(NumberFormat.decimal(previous.throughput, places: 1)) → "
                + "\(NumberFormat.decimal(step.throughput, places: 1)) req/s from \(previous.users) to "
                + "\(step.users) users"))
        }
      }
    }
    return trips
  }

  // MARK: - Knees

  private func knee(
    _ steps: [SaturationStep], values: [Double], curve: Kneedle.Curve, trips: [RuleTrip]
  ) -> SaturationAnalysis.Knee? {
    guard steps.count >= 3,
      let index = Kneedle(sensitivity: thresholds.kneeSensitivity, curve: curve)
        .kneeIndex(x: steps.map { Double($0.users) }, y: values)
    else { return nil }
    let trusted = trips.contains { abs($0.stepIndex - index) <= thresholds.kneeAgreementSteps }
    return SaturationAnalysis.Knee(users: steps[index].users, stepIndex: index, trusted: trusted)
  }

  private func latencyKnee(_ steps: [SaturationStep], trips: [RuleTrip]) -> SaturationAnalysis.Knee? {
    let measured = steps.filter { $0.p95Ms != nil }
    guard measured.count == steps.count else { return nil }
    return knee(steps, values: steps.compactMap(\.p95Ms), curve: .convex, trips: trips)
  }

  // MARK: - Bottleneck

  private func bottleneck(at point: RuleTrip?, loads: [ComponentLoad]) -> String {
    guard let point else { return "none: no rule tripped" }
    let candidates = loads.filter { $0.users == point.users && $0.nearestShare != nil }
    guard
      let nearest = candidates.max(by: {
        ($0.nearestShare ?? 0, $1.component) < ($1.nearestShare ?? 0, $0.component)
      }), let share = nearest.nearestShare
    else { return "unknown — add resource samples" }
    let resource = (nearest.cpuShare ?? -1) >= (nearest.memoryShare ?? -1) ? "CPU" : "memory"
    return "\(nearest.component) (\(resource) at \(NumberFormat.percent(share)) of its limit at "
      + "\(point.users) users)"
  }

  // MARK: - Capacity at the SLO

  /// For each objective steps can measure, the load where it is crossed (linear between the last
  /// step within it and the first beyond); the smallest wins.
  package func capacity(_ steps: [SaturationStep]) -> CapacityAtSLO? {
    guard let first = steps.first, let last = steps.last else { return nil }
    let applicable = objectives.objectives.filter { objective in
      objective.isRunWide && objective.metric != .rps
        && steps.allSatisfy { $0.value(of: objective.metric) != nil }
    }
    let unevaluated = objectives.objectives.filter { objective in !applicable.contains(objective) }
    var best = CapacityAtSLO(
      users: Double(last.users), throughput: last.throughput, bound: .atLeast, limitedBy: nil,
      unevaluated: unevaluated)
    for objective in applicable {
      guard let index = steps.firstIndex(where: { !objective.isMet(by: $0.value(of: objective.metric) ?? 0) })
      else { continue }
      let candidate: CapacityAtSLO
      if index == 0 {
        candidate = CapacityAtSLO(
          users: Double(first.users), throughput: first.throughput, bound: .below, limitedBy: objective,
          unevaluated: unevaluated)
      } else {
        let lower = steps[index - 1]
        let upper = steps[index]
        let low = lower.value(of: objective.metric) ?? 0
        let high = upper.value(of: objective.metric) ?? 0
        let fraction = high > low ? min(max((objective.limit - low) / (high - low), 0), 1) : 0
        let users = Double(lower.users) + fraction * Double(upper.users - lower.users)
        let throughput = lower.throughput + fraction * (upper.throughput - lower.throughput)
        candidate = CapacityAtSLO(
          users: users, throughput: throughput, bound: .interpolated, limitedBy: objective,
          unevaluated: unevaluated)
      }
      if best.limitedBy == nil || candidate.users < best.users { best = candidate }
    }
    return best
  }

  // MARK: - Too few steps

  /// "Add 3 steps, e.g. at 30, 120 and 300 users": fill the widest gaps, then go past the top.
  package func missing(_ steps: [SaturationStep]) -> String {
    var users = Array(Set(steps.map(\.users))).sorted()
    let needed = USLFitter.minimumDistinctUsers - users.count
    guard needed > 0 else {
      return "The fit did not converge; add steps past the current heaviest load."
    }
    var proposals: [Int] = users.isEmpty ? [10] : []
    if users.isEmpty { users = [10] }
    while proposals.count < needed {
      let gaps = zip(users, users.dropFirst()).map { ($0, $1) }.filter { $1 - $0 >= 2 }
      let widest = gaps.max { ($0.1 - $0.0) < ($1.1 - $1.0) }
      let top = users.last ?? 10
      let next: Int
      if let widest, widest.1 - widest.0 > top / 2 {
        next = (widest.0 + widest.1) / 2
      } else {
        next = Int((Double(top) * 1.5).rounded())
      }
      proposals.append(next)
      users = Array(Set(users + [next])).sorted()
    }
    let distinct = Set(steps.map(\.users)).count
    return "A USL fit needs ≥ \(USLFitter.minimumDistinctUsers) distinct user counts; this series has "
      + "\(distinct). Add \(needed) more step\(needed == 1 ? "" : "s"), e.g. at "
      + "\(Quantities.list(proposals.sorted().map(String.init))) users."
  }
}

extension SaturationAnalyzer {
  /// One analysis per usable stepped run (≥ 3 load steps) and, with `runsAsSteps`, one for the
  /// single-level runs taken together as steps at their user counts (when there are ≥ 2 of them).
  /// - Parameter loads: measured component loads per run id, to name the bottleneck.
  public func series(
    _ analyses: [RunAnalysis], runsAsSteps: Bool, loads: [String: [ComponentLoad]] = [:]
  ) -> [SaturationAnalysis] {
    var result = analyses.filter { $0.validity.verdict != .invalid && $0.steps.count >= 3 }.map {
      analyze(
        source: $0.run.name, runIDs: [$0.run.id], steps: Self.steps(of: $0), loads: loads[$0.run.id] ?? [])
    }
    if runsAsSteps {
      let levels = analyses.filter {
        $0.validity.verdict != .invalid && $0.steps.count <= 1 && $0.usersMax != nil && $0.requests != nil
      }
      let steps = Self.steps(ofRuns: levels, thresholds: thresholds)
      if Set(steps.map(\.users)).count >= 2 {
        result.append(
          analyze(
            source: "runs " + Quantities.list(steps.map(\.label)), runIDs: levels.map(\.run.id), steps: steps)
        )
      }
    }
    return result
  }
}
