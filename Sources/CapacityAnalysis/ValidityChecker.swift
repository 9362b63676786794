import CapacityModel

/// Decides VALID / DEGRADED / INVALID for a run (DESIGN.md §3).
///
/// INVALID means the run says nothing about the application: most requests failed at the
/// connection level (the environment, not the app), nearly all failed, or there is too little.
package struct ValidityChecker {
  package var thresholds: AnalysisThresholds

  /// Why a run has no request to judge, in the terms of the tool that wrote it.
  package static func noRequests(_ run: Run) -> String {
    guard run.tool != .locust else {
      return "no request counts: the run's files have no total (Aggregated) row and no history totals"
    }
    let files = run.sourceFiles.map(\.path).joined(separator: ", ")
    let warnings = run.diagnostics.count
    return "no requests: the \(run.tool.rawValue) log \(files) holds no countable request"
      + (warnings > 0 ? " (\(warnings) warning(s) say which rows were skipped and why)" : "")
  }

  package func check(_ analysis: RunAnalysis) -> Validity {
    var invalid: [String] = []
    var degraded: [String] = []
    let failures = analysis.failures
    let categorised = analysis.errors.reduce(Int64(0)) { $0 + $1.count }
    let connection = analysis.errors.filter { $0.category.isConnectionLevel }
    let connectionCount = connection.reduce(Int64(0)) { $0 + $1.count }
    let connectionShare = categorised > 0 ? Double(connectionCount) / Double(categorised) : 0
    let breakdown = connection.map { "\($0.category.rawValue) ×\($0.count)" }.joined(separator: ", ")

    guard let requests = analysis.requests, requests > 0 || analysis.run.tool == .locust else {
      return Validity(verdict: .invalid, reasons: [Self.noRequests(analysis.run)])
    }
    if requests > 0, analysis.errorRate >= thresholds.invalidFailureShare,
      connectionShare >= thresholds.connectionLevelShare
    {
      invalid.append(
        "infrastructure: \(percent(analysis.errorRate)) of requests failed and "
          + "\(percent(connectionShare)) of the failures are connection-level (\(breakdown)); "
          + "the test measured the environment, not the application")
    } else if requests > 0, analysis.errorRate >= thresholds.nearlyAllFailing {
      invalid.append(
        "nearly all requests failed (\(failures) of \(requests), \(percent(analysis.errorRate)))")
    }
    let duration = analysis.durationSeconds ?? 0
    if requests < thresholds.minimumRequests || duration < thresholds.minimumDurationSeconds {
      invalid.append(
        "too little data: \(requests) requests over \(NumberFormat.decimal(duration, places: 1)) s "
          + "(at least \(thresholds.minimumRequests) requests and "
          + "\(NumberFormat.decimal(thresholds.minimumDurationSeconds, places: 0)) s needed)")
    }
    if !invalid.isEmpty { return Validity(verdict: .invalid, reasons: invalid) }

    if analysis.errorRate > thresholds.sloErrorRate {
      degraded.append(
        "error rate \(percent(analysis.errorRate)) exceeds the \(percent(thresholds.sloErrorRate)) objective")
    }
    if connectionCount > 0 {
      degraded.append("\(connectionCount) connection-level failures (\(breakdown)): check the environment")
    }
    if requests < thresholds.shortRunRequests || duration < thresholds.shortRunSeconds {
      degraded.append(
        "short run: \(requests) requests over \(NumberFormat.decimal(duration, places: 1)) s "
          + "(fewer than \(thresholds.shortRunRequests) requests or "
          + "\(NumberFormat.decimal(thresholds.shortRunSeconds, places: 0)) s)")
    }
    if !degraded.isEmpty { return Validity(verdict: .degraded, reasons: degraded) }
    return Validity(
      verdict: .valid,
      reasons: [
        "\(requests) requests over \(NumberFormat.decimal(duration, places: 1)) s, "
          + "\(percent(analysis.errorRate)) failed"
      ])
  }

  private func percent(_ share: Double) -> String { NumberFormat.percent(share) }
}
