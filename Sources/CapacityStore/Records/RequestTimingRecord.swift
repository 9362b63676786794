import CapacityModel

/// A row of `request_timing`: one timed phase of a raw log's requests (time to first byte,
/// connect time), its percentiles and its p95 per request window.
package struct RequestTimingRecord: RunChildRecord {
  package static let databaseTableName = "request_timing"
  package var runId: String
  package var position: Int
  package var phase: String
  package var requests: Int64
  package var method: String
  package var p50Ms: Double?
  package var p95Ms: Double?
  package var p99Ms: Double?
  package var windowS: Int
  package var start: Int64
  package var windowP95Ms: [Double?]

  package init(runId: String, position: Int, _ timing: RequestTiming) {
    self.runId = runId
    self.position = position
    phase = timing.phase.key
    requests = timing.requests
    method = timing.method.rawValue
    p50Ms = timing.p50Ms
    p95Ms = timing.p95Ms
    p99Ms = timing.p99Ms
    windowS = timing.windowSeconds
    start = timing.windowStart
    windowP95Ms = timing.windowP95Ms
  }

  /// The timing; `nil` for a phase or method this version does not know.
  package var timing: RequestTiming? {
    guard let phase = TimingPhase.allCases.first(where: { $0.key == self.phase }),
      let method = PercentileMethod(rawValue: method)
    else { return nil }
    return RequestTiming(
      phase: phase, requests: requests, method: method, p50Ms: p50Ms, p95Ms: p95Ms, p99Ms: p99Ms,
      windowSeconds: windowS, windowStart: start, windowP95Ms: windowP95Ms)
  }
}
