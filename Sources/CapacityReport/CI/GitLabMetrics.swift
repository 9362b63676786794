import CapacityAnalysis
import CapacityModel

/// GitLab's metrics report (`artifacts: reports: metrics: metrics.txt`): OpenMetrics text, one
/// `name value` line per metric, which GitLab compares between a merge request and its target
/// branch. Names are `capacity_<run>_<figure>` and `capacity_slo_<run>_<objective>`, reduced to
/// OpenMetrics' `[a-zA-Z_][a-zA-Z0-9_]*` (other characters become `_`; a name met twice gets `_2`);
/// values are POSIX decimals. An objective a run does not give has no value line, only its
/// `_passed 0`.
public struct GitLabMetrics: Sendable {
  public init() {}

  public func text(_ outcome: CheckOutcome) -> String {
    var names = Set<String>()
    var lines: [String] = []
    func add(_ parts: [String], _ value: String) {
      var name = Self.name(parts)
      if names.contains(name) {
        var suffix = 2
        while names.contains("\(name)_\(suffix)") { suffix += 1 }
        name += "_\(suffix)"
      }
      names.insert(name)
      lines.append("\(name) \(value)")
    }
    add(["capacity", "slo", "checks"], "\(outcome.results.count)")
    add(["capacity", "slo", "failed"], "\(outcome.failed.count)")
    for analysis in outcome.analyses {
      let run = analysis.run.name
      if let requests = analysis.requests { add(["capacity", run, "requests"], "\(requests)") }
      add(["capacity", run, "failures"], "\(analysis.failures)")
      add(["capacity", run, "error_rate"], Self.number(analysis.errorRate))
      add(["capacity", run, "rps"], Self.number(analysis.requestsPerSecond))
      let latency = [
        ("p50_ms", analysis.latency.p50), ("p95_ms", analysis.latency.p95), ("p99_ms", analysis.latency.p99),
      ]
      for (figure, value) in latency { if let value { add(["capacity", run, figure], Self.number(value)) } }
      if let duration = analysis.durationSeconds {
        add(["capacity", run, "duration_s"], Self.number(duration))
      }
    }
    for result in outcome.results {
      let objective = Self.slug(result.objective)
      if let measured = result.measured {
        add(["capacity", "slo", result.runName, objective], Self.number(measured))
      }
      add(["capacity", "slo", result.runName, objective, "passed"], result.passed ? "1" : "0")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `p95_ms`, `p99_ms_get_search`, `rps_at_100_users`.
  package static func slug(_ objective: SLOObjective) -> String {
    var parts = [objective.metric.rawValue]
    if let endpoint = objective.endpoint { parts.append(endpoint) }
    if let users = objective.users { parts += ["at", "\(users)", "users"] }
    return parts.joined(separator: "_")
  }

  package static func name(_ parts: [String]) -> String {
    var name = ""
    for scalar in parts.joined(separator: "_").lowercased().unicodeScalars {
      let allowed = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
      if allowed {
        name.unicodeScalars.append(scalar)
      } else if !name.hasSuffix("_") {
        name.append("_")
      }
    }
    while name.hasSuffix("_") { name.removeLast() }
    return name
  }

  /// Up to 6 decimals, trailing zeros dropped: `0.0123`, `190`.
  package static func number(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "+Inf" : "-Inf") }
    var text = NumberFormat.decimal(value, places: 6)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }
}
