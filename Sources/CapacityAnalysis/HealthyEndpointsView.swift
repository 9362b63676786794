import CapacityModel

/// A run as its healthy endpoints alone saw it, for sizing when the SLO miss was functional: the
/// failing endpoints' requests and failures are taken out, and each percentile is the highest of the
/// healthy endpoints' (an upper bound of their mixture's), so the view never flatters the run.
/// Load steps are dropped: their figures include the failing endpoints.
public struct HealthyEndpointsView: Sendable {
  public init() {}

  /// `nil` when no healthy endpoint is left.
  public func view(_ analysis: RunAnalysis, excluding labels: [String]) -> RunAnalysis? {
    let healthy = analysis.endpoints.filter { endpoint in
      !labels.contains(endpoint.method.isEmpty ? endpoint.name : "\(endpoint.method) \(endpoint.name)")
    }
    let requests = healthy.reduce(Int64(0)) { $0 + $1.requests }
    guard requests > 0 else { return nil }
    let failures = healthy.reduce(Int64(0)) { $0 + $1.failures }
    func highest(_ value: (LatencySummary) -> Double?) -> Double? {
      healthy.compactMap { value($0.latency) }.max()
    }
    let means = healthy.compactMap { endpoint in endpoint.latency.mean.map { ($0, Double(endpoint.requests)) }
    }
    let weight = means.reduce(0) { $0 + $1.1 }
    var view = analysis
    view.endpoints = healthy
    view.requests = requests
    view.failures = failures
    view.errorRate = Double(failures) / Double(requests)
    view.requestsPerSecond = healthy.reduce(0) { $0 + $1.requestsPerSecond }
    view.latency = LatencySummary(
      p50: highest(\.p50), p90: highest(\.p90), p95: highest(\.p95), p99: highest(\.p99),
      p999: highest(\.p999), mean: weight > 0 ? means.reduce(0) { $0 + $1.0 * $1.1 } / weight : nil,
      max: highest(\.max), method: analysis.latency.method)
    view.steps = []
    view.notes.append(
      "sized from its healthy endpoints only (without \(Quantities.list(labels))); their p95 is the highest "
        + "endpoint p95, an upper bound")
    return view
  }
}
