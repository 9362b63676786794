import CapacityModel

/// Evaluates objectives on analysed runs: one `SLOResult` per objective per run, in run order.
/// A value the run does not give fails the objective (a gate must not pass on missing data).
public struct SLOEvaluator: Sendable {
  public var objectives: ServiceLevelObjectives

  public init(objectives: ServiceLevelObjectives) {
    self.objectives = objectives
  }

  public func evaluate(_ analyses: [RunAnalysis]) -> [SLOResult] {
    analyses.flatMap { analysis in objectives.objectives.map { evaluate($0, on: analysis) } }
  }

  public func evaluate(_ objective: SLOObjective, on analysis: RunAnalysis) -> SLOResult {
    let (value, source) = measure(objective, on: analysis)
    var result = SLOResult(
      runName: analysis.run.name, runID: analysis.run.id, objective: objective, measured: value,
      passed: false, detail: "")
    guard let value else {
      result.detail = "not measured: \(source)"
      return result
    }
    result.passed = objective.isMet(by: value)
    let shown = Self.format(value, objective.metric)
    result.detail =
      result.passed
      ? "\(shown) \(source)"
      : "\(shown) \(source) breaks \(objective.description)"
    if analysis.validity.verdict == .invalid { result.detail += " (run is INVALID)" }
    return result
  }

  /// The measured value and where it came from.
  private func measure(_ objective: SLOObjective, on analysis: RunAnalysis) -> (Double?, String) {
    if let users = objective.users {
      guard objective.endpoint == nil else {
        return (nil, "per-endpoint values at a user count are not recorded")
      }
      if let step = analysis.steps.first(where: { $0.users == users }) {
        return (stepValue(objective.metric, step), "at the \(users)-user step")
      }
      if analysis.steps.count <= 1, analysis.usersMax == users {
        return (runValue(objective.metric, analysis.latency, analysis), "over the run at \(users) users")
      }
      return (nil, "the run has no step at \(users) users")
    }
    if let name = objective.transaction {
      guard let transaction = analysis.transactions.first(where: { $0.name == name }) else {
        return (nil, "no transaction '\(name)' in the run")
      }
      return (endpointValue(objective.metric, transaction), "for transaction \(name)")
    }
    if let name = objective.endpoint {
      guard let endpoint = analysis.endpoints.first(where: { Self.matches(name, $0) }) else {
        return (nil, "no endpoint '\(name)' in the run")
      }
      return (endpointValue(objective.metric, endpoint), "for \(name)")
    }
    return (runValue(objective.metric, analysis.latency, analysis), "over the run")
  }

  private func endpointValue(_ metric: SLOObjective.Metric, _ endpoint: EndpointAnalysis) -> Double? {
    switch metric {
    case .errorRate: endpoint.errorRate
    case .rps: endpoint.requestsPerSecond
    default: latency(metric, endpoint.latency)
    }
  }

  private func runValue(_ metric: SLOObjective.Metric, _ summary: LatencySummary, _ analysis: RunAnalysis)
    -> Double?
  {
    switch metric {
    case .errorRate: analysis.requests == nil ? nil : analysis.errorRate
    case .rps: analysis.requestsPerSecond
    default: latency(metric, summary)
    }
  }

  private func stepValue(_ metric: SLOObjective.Metric, _ step: LoadStep) -> Double? {
    switch metric {
    case .errorRate: step.errorRate
    case .rps: step.requestsPerSecond
    case .p50Ms: step.p50Ms
    case .p95Ms: step.p95Ms
    case .p99Ms: step.p99Ms
    default: nil
    }
  }

  private func latency(_ metric: SLOObjective.Metric, _ summary: LatencySummary) -> Double? {
    switch metric {
    case .p50Ms: summary.p50
    case .p90Ms: summary.p90
    case .p95Ms: summary.p95
    case .p99Ms: summary.p99
    case .meanMs: summary.mean
    case .maxMs: summary.max
    case .errorRate, .rps: nil
    }
  }

  /// `GET /search/` matches method and name; `/search/` matches the name alone.
  package static func matches(_ selector: String, _ endpoint: EndpointAnalysis) -> Bool {
    selector == endpoint.name || selector == "\(endpoint.method) \(endpoint.name)"
  }

  package static func format(_ value: Double, _ metric: SLOObjective.Metric) -> String {
    switch metric {
    case .errorRate: NumberFormat.percent(value, places: 2)
    case .rps: NumberFormat.decimal(value, places: 1) + " req/s"
    default: NumberFormat.milliseconds(value)
    }
  }
}
