/// A raw request log's requests and latency per short fixed window (5 s), for all requests or one
/// endpoint: what `compare` tests for raw logs. Percentiles come from log-scale buckets (≤ 1.6 %
/// off, the same in both runs).
public struct RequestWindowSeries: Sendable, Equatable {
  /// Empty for the series of all requests.
  public var method: String
  public var name: String
  /// Whether the series holds every request of the run rather than one endpoint's.
  public var isTotal: Bool
  /// Window length, seconds.
  public var seconds: Int
  /// Unix second the first window starts at; window `i` starts `i × seconds` later.
  public var start: Int64
  public var windows: [RequestWindow]

  public init(
    method: String, name: String, isTotal: Bool, seconds: Int, start: Int64, windows: [RequestWindow]
  ) {
    self.method = method
    self.name = name
    self.isTotal = isTotal
    self.seconds = seconds
    self.start = start
    self.windows = windows
  }
}

/// One window of a `RequestWindowSeries`.
public struct RequestWindow: Sendable, Equatable, Codable {
  public var requests: Int64
  /// Milliseconds; `nil` when the window has no request.
  public var p50Ms: Double?
  public var p95Ms: Double?

  public init(requests: Int64, p50Ms: Double?, p95Ms: Double?) {
    self.requests = requests
    self.p50Ms = p50Ms
    self.p95Ms = p95Ms
  }
}
