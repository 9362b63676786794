import CapacityModel

/// CPU utilisation measured during a run: the run's mean and each load step's, 0–1 of the host's CPUs.
public struct RunUtilisation: Sendable, Equatable {
  public var run: Double?
  /// Step users → utilisation.
  public var steps: [Int: Double]
  /// `host CPU (sadf-xml)`.
  public var source: String
  /// Set when another workload filled the host: `host CPU 100 %: another workload shared the host`.
  public var sharedHost: String?

  public init(run: Double?, steps: [Int: Double] = [:], source: String, sharedHost: String? = nil) {
    self.run = run
    self.steps = steps
    self.source = source
    self.sharedHost = sharedHost
  }
}

/// Classifies why a run missed an objective (method notes, "Why the SLO failed"):
///
/// - infrastructure: connection-level failures (refused, reset, DNS, TLS, status 0, and timeouts
///   not confined to a few endpoints) are at least `connectionLevelShare` of the failures;
/// - functional: the failing or slow endpoints are at most `causeEndpointShare` of them and hold at
///   least `causeFailureShare` of the failures (or are the only ones above the p95 objective), the
///   other endpoints meet the objectives, the misses do not grow with load, and utilisation is below
///   `idleUtilisation` (or unmeasured);
/// - capacity: utilisation at or above `saturatedUtilisation`, or the misses grow with load (the
///   heaviest load steps fail, the lighter ones pass);
/// - unknown otherwise, naming the evidence that would decide.
public struct SLOCauseClassifier: Sendable {
  public var thresholds: AnalysisThresholds
  package var errorClassifier = ErrorClassifier()

  public init(thresholds: AnalysisThresholds) {
    self.thresholds = thresholds
  }

  /// Every run that missed an objective, by run id. Runs at other user counts count as evidence of
  /// growth with load: the lighter valid runs pass and every valid run at least as heavy fails.
  public func classify(_ analyses: [RunAnalysis], utilisation: [String: RunUtilisation] = [:]) -> [String:
    SLOCause]
  {
    var causes: [String: SLOCause] = [:]
    for analysis in analyses {
      let others = analyses.filter { $0.run.id != analysis.run.id }
      causes[analysis.run.id] = classify(analysis, utilisation: utilisation[analysis.run.id], others: others)
    }
    return causes
  }

  /// `nil` when the run and its steps met every objective.
  public func classify(
    _ analysis: RunAnalysis, utilisation: RunUtilisation? = nil, others: [RunAnalysis] = []
  )
    -> SLOCause?
  {
    let failingSteps = analysis.steps.filter(stepMisses).map(\.users)
    let missed = missedObjectives(analysis, failingSteps: failingSteps)
    guard !missed.isEmpty else { return nil }
    var cause = primary(
      analysis, utilisation: utilisation, others: others, missed: missed, failingSteps: failingSteps)
    // Whatever the main cause, endpoints failing with error types of their own are named: a
    // functional fault inside a run the environment or load also spoiled.
    if cause.kind == .functional, let p95 = analysis.latency.p95, p95 > thresholds.sloP95Ms,
      let slowest = analysis.endpoints.filter({ !cause.endpoints.contains(label($0)) }).compactMap(
        \.latency.p95
      ).max(),
      slowest > thresholds.sloP95Ms
    {
      cause.evidence.append(
        "the p95 objective was missed on the other endpoints too (up to \(NumberFormat.milliseconds(slowest)))"
          + (utilisation?.sharedHost == nil
            ? "" : ", with another workload on the host: that part is the environment"))
    }
    if cause.kind != .functional, let own = ownErrorTypes(analysis) {
      cause.evidence.append(own.evidence + ", a functional fault no profile fixes")
      cause.endpoints = own.endpoints
      cause.errorTypes = own.errorTypes
    }
    return cause
  }

  private func primary(
    _ analysis: RunAnalysis, utilisation: RunUtilisation?, others: [RunAnalysis], missed: [String],
    failingSteps: [Int]
  ) -> SLOCause {
    let busy = bottleneckUtilisation(utilisation, failingSteps: failingSteps)
    func cause(_ kind: SLOCause.Kind, _ evidence: [String], missing: [String] = []) -> SLOCause {
      SLOCause(
        kind: kind, missed: missed, evidence: evidence, utilisation: busy?.share,
        utilisationSource: busy.map { _ in utilisation?.source ?? "" }, missing: missing,
        failingSteps: failingSteps)
    }
    let busyText = busy.map {
      "\($0.what) \(NumberFormat.percent($0.share, places: 0))"
        + (utilisation?.sharedHost.map { " (\($0))" } ?? "")
    }
    if let infrastructure = infrastructureEvidence(analysis) {
      return cause(.infrastructure, [infrastructure] + (busyText.map { [$0] } ?? []))
    }
    let growth = growsWithLoad(analysis, failingSteps: failingSteps)
    if let share = busy?.share, share >= thresholds.saturatedUtilisation {
      return cause(.capacity, [busyText ?? ""] + (growth.map { [$0] } ?? []))
    }
    if let growth { return cause(.capacity, [growth] + (busyText.map { [$0] } ?? [])) }
    let concentrated = concentration(analysis)
    if concentrated == nil, let across = growsAcrossRuns(analysis, others: others) {
      return cause(.capacity, [across] + (busyText.map { [$0] } ?? []))
    }
    if let concentrated {
      if let share = busy?.share, share >= thresholds.idleUtilisation {
        return cause(
          .unknown, [concentrated.evidence, busyText ?? ""],
          missing: ["utilisation is neither well below saturation nor at it"])
      }
      var result = cause(
        .functional,
        [concentrated.evidence] + [
          busyText.map { "while \($0)" }
            ?? "no resource samples, but the other endpoints stayed within the SLO"
        ])
      result.endpoints = concentrated.endpoints
      result.errorTypes = concentrated.errorTypes
      return result
    }
    var missing: [String] = []
    if busy == nil { missing.append("resource samples (host or process CPU)") }
    if analysis.steps.count < 2 {
      missing.append("load steps or runs at other loads to show growth with load")
    }
    if missing.isEmpty { missing.append("memory, database or network samples") }
    return cause(
      .unknown,
      ["the misses are spread across endpoints"] + (busyText.map { ["\($0), below saturation"] } ?? []),
      missing: missing)
  }

  // MARK: - Objectives

  private func stepMisses(_ step: LoadStep) -> Bool {
    (step.p95Ms.map { $0 > thresholds.sloP95Ms } ?? false) || step.errorRate > thresholds.sloErrorRate
  }

  private func missedObjectives(_ analysis: RunAnalysis, failingSteps: [Int]) -> [String] {
    var missed: [String] = []
    if analysis.validity.verdict == .invalid { missed.append("INVALID") }
    if let p95 = analysis.latency.p95, p95 > thresholds.sloP95Ms {
      missed.append(
        "p95 \(NumberFormat.milliseconds(p95)) > \(NumberFormat.milliseconds(thresholds.sloP95Ms))")
    }
    if analysis.errorRate > thresholds.sloErrorRate {
      missed.append(
        "errors \(NumberFormat.percent(analysis.errorRate)) > \(NumberFormat.percent(thresholds.sloErrorRate))"
      )
    }
    if !failingSteps.isEmpty { missed.append(Self.stepList(failingSteps)) }
    return missed
  }

  /// `the 80, 100-user steps`; past six steps (a ramp read step by step, say) only the count and
  /// the range, so the sentence stays readable.
  package static func stepList(_ users: [Int]) -> String {
    guard users.count > 6, let first = users.min(), let last = users.max() else {
      return "the \(users.map(String.init).joined(separator: ", "))-user step\(users.count == 1 ? "" : "s")"
    }
    return "\(users.count) steps from \(first) to \(last) users"
  }

  // MARK: - Evidence

  /// The failing steps' utilisation when known (their highest), else the run's.
  private func bottleneckUtilisation(_ utilisation: RunUtilisation?, failingSteps: [Int])
    -> (share: Double, what: String)?
  {
    guard let utilisation else { return nil }
    if let share = failingSteps.compactMap({ utilisation.steps[$0] }).max() {
      return (share, "\(utilisation.source) in the failing steps reached")
    }
    return utilisation.run.map { ($0, "\(utilisation.source) averaged") }
  }

  private func infrastructureEvidence(_ analysis: RunAnalysis) -> String? {
    guard analysis.failures > 0 else { return nil }
    let confinedTimeouts = concentration(analysis) != nil
    let connection = analysis.errors.filter {
      $0.category.isConnectionLevel && !(confinedTimeouts && $0.category == .timeout)
    }
    let count = connection.reduce(Int64(0)) { $0 + $1.count }
    let total = max(analysis.errors.reduce(Int64(0)) { $0 + $1.count }, 1)
    let share = Double(count) / Double(total)
    guard share >= thresholds.connectionLevelShare else { return nil }
    return "\(NumberFormat.percent(share, places: 0)) of the failures are connection-level ("
      + Quantities.list(connection.map(\.category.label)) + ")"
  }

  /// Misses on the heaviest steps only: every step from the first failing one up fails.
  private func growsWithLoad(_ analysis: RunAnalysis, failingSteps: [Int]) -> String? {
    let users = Set(analysis.steps.map(\.users)).sorted()
    guard users.count >= 2, let first = failingSteps.min(), first > users[0] else { return nil }
    let heavier = users.filter { $0 >= first }
    guard Set(failingSteps) == Set(heavier) else { return nil }
    return "the misses grow with load: the steps from \(first) users fail, the lighter ones pass"
  }

  /// Endpoints whose failures include an application-level category (HTTP 5xx or 4xx, failed
  /// check, other) that at most `causeEndpointShare` of the endpoints show, above the error objective.
  private func ownErrorTypes(_ analysis: RunAnalysis) -> Concentration? {
    let endpoints = analysis.endpoints.filter { $0.requests > 0 }
    guard endpoints.count >= 2 else { return nil }
    let limit = max(1, Int((Double(endpoints.count) * thresholds.causeEndpointShare).rounded(.down)))
    var byCategory: [ErrorCategory: [String: Int64]] = [:]
    for record in analysis.run.errors {
      let category = errorClassifier.classify(record.message)
      guard !category.isConnectionLevel else { continue }
      let name = record.method.isEmpty ? record.name : "\(record.method) \(record.name)"
      byCategory[category, default: [:]][name, default: 0] += record.occurrences
    }
    var found: [(endpoint: EndpointAnalysis, category: ErrorCategory, count: Int64)] = []
    for (category, counts) in byCategory where counts.count <= limit {
      for endpoint in endpoints {
        let count = counts[label(endpoint)] ?? 0
        if Double(count) > thresholds.sloErrorRate * Double(endpoint.requests) {
          found.append((endpoint, category, count))
        }
      }
    }
    guard !found.isEmpty else { return nil }
    found.sort { ($1.count, label($0.endpoint)) < ($0.count, label($1.endpoint)) }
    var names: [String] = []
    for item in found where !names.contains(label(item.endpoint)) { names.append(label(item.endpoint)) }
    let what = found.map {
      "\(label($0.endpoint)) fails with \($0.category.label) only it shows (\($0.count) of \($0.endpoint.requests) requests)"
    }
    return Concentration(
      endpoints: names,
      errorTypes: errorTypes(of: endpoints.filter { names.contains(label($0)) }, in: analysis.run),
      evidence: Quantities.list(what))
  }

  /// Valid runs at other user counts: a lighter one met the objectives and every one at least as heavy missed.
  private func growsAcrossRuns(_ analysis: RunAnalysis, others: [RunAnalysis]) -> String? {
    guard analysis.validity.verdict != .invalid, let users = analysis.usersMax else { return nil }
    let valid = others.filter {
      $0.validity.verdict != .invalid && $0.usersMax != nil && $0.usersMax != users
    }
    let lighter = valid.filter { ($0.usersMax ?? 0) < users }
    let heavier = valid.filter { ($0.usersMax ?? 0) > users }
    guard
      let passing = lighter.filter({ $0.meetsSLO(thresholds) }).max(by: {
        ($0.usersMax ?? 0) < ($1.usersMax ?? 0)
      }),
      heavier.allSatisfy({ !$0.meetsSLO(thresholds) })
    else { return nil }
    return
      "the misses grow with load across runs: \(passing.run.name) at \(passing.usersMax ?? 0) users met the "
      + "objectives; every run at \(users) users or more missed them"
  }

  private struct Concentration {
    var endpoints: [String]
    var errorTypes: [String]
    var evidence: String
  }

  /// The few endpoints the failures (or, without failures above the objective, the slow responses) sit on.
  private func concentration(_ analysis: RunAnalysis) -> Concentration? {
    let endpoints = analysis.endpoints.filter { $0.requests > 0 }
    guard endpoints.count >= 2 else { return nil }
    let limit = max(1, Int((Double(endpoints.count) * thresholds.causeEndpointShare).rounded(.down)))
    let failing = endpoints.filter { $0.errorRate > thresholds.sloErrorRate }
    if analysis.errorRate > thresholds.sloErrorRate {
      guard !failing.isEmpty, failing.count <= limit else { return nil }
      let held = failing.reduce(Int64(0)) { $0 + $1.failures }
      guard Double(held) >= thresholds.causeFailureShare * Double(max(analysis.failures, 1)),
        healthy(endpoints, without: failing, latency: false)
      else { return nil }
      let types = errorTypes(of: failing, in: analysis.run)
      let what = failing.map {
        "\(label($0)) failed \(NumberFormat.percent($0.errorRate)) of \($0.requests) requests"
      }
      return Concentration(
        endpoints: failing.map(label), errorTypes: types,
        evidence: Quantities.list(what) + " (\(types.joined(separator: ", ")))"
          + ", \(NumberFormat.percent(Double(held) / Double(max(analysis.failures, 1)), places: 0)) of all failures"
      )
    }
    let slow = endpoints.filter { ($0.latency.p95 ?? 0) > thresholds.sloP95Ms }
    guard !slow.isEmpty, slow.count <= limit, healthy(endpoints, without: slow, latency: true) else {
      return nil
    }
    return Concentration(
      endpoints: slow.map(label), errorTypes: [],
      evidence: Quantities.list(slow.map { "\(label($0)) p95 \(NumberFormat.milliseconds($0.latency.p95))" })
        + " while the other endpoints met the p95 objective")
  }

  /// The other endpoints together meet the error objective (and, with `latency`, each the p95 one).
  private func healthy(_ endpoints: [EndpointAnalysis], without excluded: [EndpointAnalysis], latency: Bool)
    -> Bool
  {
    let rest = endpoints.filter { endpoint in !excluded.contains { label($0) == label(endpoint) } }
    let requests = rest.reduce(Int64(0)) { $0 + $1.requests }
    let failures = rest.reduce(Int64(0)) { $0 + $1.failures }
    guard requests > 0 else { return false }
    return Double(failures) / Double(requests) <= thresholds.sloErrorRate
      && (!latency || rest.allSatisfy { ($0.latency.p95 ?? 0) <= thresholds.sloP95Ms })
  }

  private func errorTypes(of endpoints: [EndpointAnalysis], in run: Run) -> [String] {
    var counts: [ErrorCategory: Int64] = [:]
    for record in run.errors
    where endpoints.contains(where: { $0.method == record.method && $0.name == record.name }) {
      counts[errorClassifier.classify(record.message), default: 0] += record.occurrences
    }
    return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key.label)
  }

  private func label(_ endpoint: EndpointAnalysis) -> String {
    endpoint.method.isEmpty ? endpoint.name : "\(endpoint.method) \(endpoint.name)"
  }
}

extension RunUtilisation {
  /// From a run's resource samples: the host's CPU (node series) as a share of its CPUs, else the
  /// measured processes' (load generator left out). When the host ran far busier than the processes
  /// (another workload, as ResourceStatistics flags), the processes' share is the app's utilisation.
  /// `nil` without CPU samples or a CPU count.
  public init?(
    _ resources: RunResources, hostCPUMillicores: Double?, statistics: ResourceStatistics = .init()
  ) {
    guard let capacity = hostCPUMillicores, capacity > 0 else { return nil }
    func share(_ usage: [ComponentUsage]) -> (Double, String, String?)? {
      let cpu = usage.filter { $0.metric == .cpu && $0.selected }
      let node = cpu.first { $0.component == ComponentMapper.node }
      let processes = cpu.filter {
        $0.component != ComponentMapper.loadGenerator && $0.component != ComponentMapper.node
      }
      let processCPU = processes.reduce(0) { $0 + $1.summary.mean }
      let app = processes.first.map { "the app's processes' CPU (\($0.sourceKind))" }
      if let node {
        let shared =
          processCPU > 0 && node.summary.mean > statistics.hostExcessFactor * processCPU
          && node.summary.mean - processCPU > statistics.hostExcessMillicores
        guard shared, let app else {
          return (node.summary.mean / capacity, "host CPU (\(node.sourceKind))", nil)
        }
        return (
          processCPU / capacity, app,
          "host CPU \(NumberFormat.percent(node.summary.mean / capacity, places: 0)): another workload shared the host"
        )
      }
      return app.map { (processCPU / capacity, $0, nil) }
    }
    guard let run = share(resources.usage) else { return nil }
    var steps: [Int: Double] = [:]
    for step in resources.steps {
      if let value = share(step.usage) { steps[step.users] = max(steps[step.users] ?? 0, value.0) }
    }
    self.init(run: run.0, steps: steps, source: run.1, sharedHost: run.2)
  }
}
