/// A phase of a request that a raw log times besides its whole duration.
public enum TimingPhase: Int, Sendable, CaseIterable, Codable {
  /// Time to first byte: JMeter `Latency`, k6 `http_req_waiting`.
  case firstByte
  /// Connection set-up: JMeter `Connect`, k6 `http_req_connecting`.
  case connect

  /// The rate-free name the report uses.
  public var label: String {
    switch self {
    case .firstByte: "time to first byte"
    case .connect: "connect time"
    }
  }

  /// The stored key (`request_timing.phase`).
  public var key: String {
    switch self {
    case .firstByte: "first-byte"
    case .connect: "connect"
    }
  }
}

/// One timed phase of a raw log's requests: exact p50/p95/p99 over every request that carried it
/// (HDR past the exact budget), and its p95 in each request window (exact mode only).
public struct RequestTiming: Sendable, Equatable, Codable {
  public var phase: TimingPhase
  /// Requests with a value.
  public var requests: Int64
  public var method: PercentileMethod
  public var p50Ms: Double?
  public var p95Ms: Double?
  public var p99Ms: Double?
  /// Window length, seconds, and the Unix second the first window starts at (the request
  /// windows'); `windowP95Ms[i]` is window `i`'s p95, `nil` without a value.
  public var windowSeconds: Int
  public var windowStart: Int64
  public var windowP95Ms: [Double?]

  public init(
    phase: TimingPhase, requests: Int64, method: PercentileMethod, p50Ms: Double?, p95Ms: Double?,
    p99Ms: Double?, windowSeconds: Int = 0, windowStart: Int64 = 0, windowP95Ms: [Double?] = []
  ) {
    self.phase = phase
    self.requests = requests
    self.method = method
    self.p50Ms = p50Ms
    self.p95Ms = p95Ms
    self.p99Ms = p99Ms
    self.windowSeconds = windowSeconds
    self.windowStart = windowStart
    self.windowP95Ms = windowP95Ms
  }
}
