import CapacityModel

/// The windows `compare` tests, per scope both runs share: the whole run first, then each endpoint
/// in baseline order.
///
/// Raw logs (both runs) use the 5 s windows counted at ingest from every request. Why windows and
/// not the requests themselves: latencies of consecutive requests are autocorrelated (they share the
/// server's queue and the machine's background load), so a U test over ~10 000 requests a side
/// treats them as independent and gives p-values far too small; a 1 % drift between two runs of one
/// build would be "significant". Windows of 5 s hold ~100+ requests each, so their p50/p95 are stable,
/// adjacent windows share little queue state, and a 2 min run still gives ~20 windows a side: enough
/// for the exact U test to reach p ≈ 1e-10 on a real shift, which survives any correction. The block
/// bootstrap (3 windows per block) covers the autocorrelation left between windows in the CI.
/// Locust's history keeps percentiles over its own ~10 s window only, so Locust runs are cut into
/// 10 s windows (shorter ones would overlap).
package struct ComparedScopes {
  package struct Scope {
    package var name: String
    package var family: TestFamily
    package var baseline: [MetricWindow]
    package var candidate: [MetricWindow]
  }

  package var basis: WindowBasis
  package var windowSeconds: Int64
  /// Whether both runs have latency percentiles per window (else throughput only).
  package var latency: Bool
  package var scopes: [Scope] = []

  package init(baseline: Run, candidate: Run, historyWindow: Int64) {
    if let base = baseline.requestWindows.first(where: \.isTotal),
      let other = candidate.requestWindows.first(where: \.isTotal), base.seconds == other.seconds
    {
      basis = .requests
      windowSeconds = Int64(base.seconds)
      latency = true
      let others = Dictionary(
        candidate.requestWindows.map { (Self.scope($0.method, $0.name, total: $0.isTotal), $0) },
        uniquingKeysWith: { first, _ in first })
      for series in baseline.requestWindows {
        let name = Self.scope(series.method, series.name, total: series.isTotal)
        guard let match = others[name] else { continue }
        scopes.append(
          Scope(
            name: name, family: series.isTotal ? .primary : .secondary,
            baseline: MetricWindow.windows(of: series, timeline: baseline.timeline),
            candidate: MetricWindow.windows(of: match, timeline: candidate.timeline)))
      }
      return
    }
    basis = .history
    windowSeconds = historyWindow
    latency = baseline.hasWindowedPercentiles && candidate.hasWindowedPercentiles
    func windows(_ points: [TimelinePoint], _ run: Run) -> [MetricWindow] {
      MetricWindow.windows(of: points, seconds: historyWindow, kind: run.historyKind)
    }
    scopes.append(
      Scope(
        name: "overall", family: .primary, baseline: windows(baseline.timeline, baseline),
        candidate: windows(candidate.timeline, candidate)))
    let candidateEndpoints = Dictionary(
      candidate.endpointTimelines.map { (Self.scope($0.method, $0.name, total: false), $0) },
      uniquingKeysWith: { first, _ in first })
    for endpoint in baseline.endpointTimelines {
      let name = Self.scope(endpoint.method, endpoint.name, total: false)
      guard let other = candidateEndpoints[name] else { continue }
      scopes.append(
        Scope(
          name: name, family: .secondary, baseline: windows(endpoint.points, baseline),
          candidate: windows(other.points, candidate)))
    }
  }

  /// `overall`, or `METHOD name` (just the name when the log gave no method).
  package static func scope(_ method: String, _ name: String, total: Bool) -> String {
    total ? "overall" : method.isEmpty ? name : "\(method) \(name)"
  }
}
