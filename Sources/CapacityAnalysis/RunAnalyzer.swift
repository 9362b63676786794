import CapacityModel
import CapacityStatistics
import Foundation

/// Turns a `Run` into a `RunAnalysis`: totals, latency, error taxonomy, validity and load steps.
/// A pure function of the run and the thresholds.
public struct RunAnalyzer: Sendable {
  public var thresholds: AnalysisThresholds

  public init(thresholds: AnalysisThresholds = AnalysisThresholds()) {
    self.thresholds = thresholds
  }

  /// Analyses `run`; with `events` (from `--events`), measures recovery around those that fall
  /// inside it, and without, around incidents detected in its timeline (VALID/DEGRADED runs only).
  public func analyze(_ run: Run, events: [ChaosEvent]?) -> RunAnalysis {
    var analysis = analyze(run)
    if let events {
      analysis.recoveries = RecoveryAnalyzer().analyze(run, events: events)
    } else if analysis.validity.verdict != .invalid {
      analysis.recoveries = RecoveryAnalyzer().analyze(run, events: IncidentDetector().incidents(in: run))
    }
    return analysis
  }

  public func analyze(_ run: Run) -> RunAnalysis {
    let total = run.total
    let requests = total?.requests
    let failures = total?.failures ?? run.errors.reduce(0) { $0 + $1.occurrences }
    let rps = total?.requestsPerSecond ?? 0
    let errors = ErrorTaxonomy().summarize(run.errors)
    let steps = LoadStepDetector(thresholds: thresholds).steps(in: run.timeline)
    let method = run.latencyMethod ?? .locustBuckets
    var analysis = RunAnalysis(
      run: run, requests: requests, failures: failures,
      errorRate: requests.map { $0 > 0 ? Double(failures) / Double($0) : 0 } ?? 0,
      requestsPerSecond: rps, durationSeconds: duration(run, requests: requests, rps: rps),
      usersMax: run.timeline.map(\.users).max(),
      latency: total.map { LatencySummary($0, method: method) } ?? LatencySummary(method: method),
      endpoints: run.endpoints.map { endpoint($0, method: method) }, errors: errors,
      validity: Validity(verdict: .valid, reasons: []), steps: steps, notes: notes(run))
    analysis.transactions = run.transactions.map { endpoint($0, method: .exactR7) }
    addApdex(&analysis)
    if analysis.isRamp { analysis.notes.append(rampNote(steps, run: run)) }
    analysis.validity = ValidityChecker(thresholds: thresholds).check(analysis)
    return analysis
  }

  /// Locust's Requests/s is count ÷ (last request − start of the test), so count ÷ rate recovers
  /// its own time base; the history's span is the fallback.
  private func duration(_ run: Run, requests: Int64?, rps: Double) -> Double? {
    if let requests, requests > 0, rps > 0 { return Double(requests) / rps }
    guard let first = run.timeline.first, let last = run.timeline.last, last.timestamp > first.timestamp
    else { return nil }
    return Double(last.timestamp - first.timestamp)
  }

  /// APDEX of the run and of each endpoint, from the raw log's latency counts.
  private func addApdex(_ analysis: inout RunAnalysis) {
    let counts = analysis.run.latencyCounts
    guard !counts.isEmpty else { return }
    let target = Apdex.threshold(thresholds)
    if let total = counts.first(where: \.isTotal), let requests = analysis.requests {
      analysis.apdex = Apdex(counts: total, requests: requests, thresholdMs: target)
    }
    var byEndpoint: [String: LatencyCounts] = [:]
    for entry in counts where !entry.isTotal { byEndpoint[entry.method + "\u{0}" + entry.name] = entry }
    for index in analysis.endpoints.indices {
      let endpoint = analysis.endpoints[index]
      guard let entry = byEndpoint[endpoint.method + "\u{0}" + endpoint.name] else { continue }
      analysis.endpoints[index].apdex = Apdex(counts: entry, requests: endpoint.requests, thresholdMs: target)
    }
  }

  private func endpoint(_ stats: EndpointStats, method: PercentileMethod) -> EndpointAnalysis {
    EndpointAnalysis(
      method: stats.method, name: stats.name, requests: stats.requests, failures: stats.failures,
      errorRate: stats.requests > 0 ? Double(stats.failures) / Double(stats.requests) : 0,
      requestsPerSecond: stats.requestsPerSecond, latency: LatencySummary(stats, method: method))
  }

  private func rampNote(_ bands: [LoadStep], run: Run) -> String {
    let low = bands.first?.band?.lowerBound ?? 0
    let high = bands.last?.band?.upperBound ?? 0
    let p95 =
      run.historyKind == .perSecond
      ? "p95 exact over the band's requests"
      : "p95 the mean of Locust's ~10 s windows that lie inside the band"
    return "The users rise continuously from \(low) to \(high) (a ramp, no plateau of "
      + "\(thresholds.stepMinimumTicks) ticks): it is cut into \(bands.count) concurrency bands of equal "
      + "user width, each with ≥ \(thresholds.stepMinimumRequests) requests where the run allows "
      + "(\(Quantities.list(bands.map { "\($0.requests)" })) requests); per band, throughput is its "
      + "requests over its seconds and \(p95), and the bands are the saturation series."
  }

  private func notes(_ run: Run) -> [String] {
    var notes: [String] = []
    switch run.historyKind {
    case .cumulative:
      notes.append(
        "The history was written without --csv-full-history, so its percentiles are cumulative "
          + "since the start of the run, not per window; per-step p95 is not available.")
    case .currentWindow:
      notes.append(
        "History percentiles and Requests/s cover Locust's ~10 s rolling window; per-step p95 is "
          + "their mean over the steady part of the step.")
    case .none:
      notes.append("No *_stats_history.csv: no timeline and no load steps for this run.")
    case .perSecond:
      notes.append(
        "Counts and users per second come from the raw request log (requests bucketed by their "
          + "start second); each load step's p95 is exact over the step's steady part.")
    }
    notes += run.origin?.notes ?? []
    if run.sourceFiles.contains(where: { $0.kind == .locustLegacyRequests }) {
      notes.append(
        "Locust 0.x files: requests are '# requests' + '# failures' (0.x counted successful requests "
          + "only); response times, Requests/s scaling and percentiles cover the successful requests.")
    }
    for entry in run.setAside {
      notes.append(
        "\(entry.count) row(s) set aside as \(entry.reason.rawValue): \(entry.reason.explanation).")
    }
    if run.historyKind == .perSecond {
      // Raw request logs: totals are counted, not taken from a summary file.
    } else if run.total == nil {
      notes.append("No *_stats.csv and no history totals: request counts are unknown.")
    } else if run.sourceFiles.allSatisfy({ $0.kind != .locustStats && $0.kind != .locustLegacyRequests }) {
      notes.append("No *_stats.csv: totals come from the last history row.")
    }
    if let total = run.total, let max = total.maxMs, let p100 = total.percentile(1), p100 > max {
      notes.append(
        "Locust's bucketed 100 % percentile (\(NumberFormat.decimal(p100, places: 0)) ms) "
          + "exceeds the exact maximum (\(NumberFormat.decimal(max, places: 1)) ms), as bucketing allows.")
    }
    return notes
  }
}
