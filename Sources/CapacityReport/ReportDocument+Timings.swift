import CapacityModel

extension ReportDocument {
  /// A timed phase of a raw log's requests in report.json (`runs[].time_to_first_byte_ms`,
  /// `runs[].connect_ms`): percentiles in ms (2 places), how they were computed, and the requests
  /// that carried a value.
  public struct TimingEntry: Sendable, Equatable, Codable {
    public var p50: Double?
    public var p95: Double?
    public var p99: Double?
    public var method: String
    public var requests: Int64

    init(_ timing: RequestTiming) {
      func round(_ value: Double?) -> Double? { value.map { NumberFormat.rounded($0, places: 2) } }
      p50 = round(timing.p50Ms)
      p95 = round(timing.p95Ms)
      p99 = round(timing.p99Ms)
      method = timing.method.rawValue
      requests = timing.requests
    }
  }
}
