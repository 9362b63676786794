/// A stretch of a run at one constant user count, or a concurrency band of a continuous ramp.
public struct LoadStep: Sendable, Equatable {
  public var users: Int
  /// Seconds from the start of the run.
  public var startSeconds: Double
  public var endSeconds: Double
  /// Requests completed in the steady part of the step (after the warm-up share is dropped).
  public var requests: Int64
  /// Throughput over the steady part, requests per second.
  public var requestsPerSecond: Double
  /// Mean of the tool's windowed p95 over the steady part; `nil` when the history is cumulative.
  public var p95Ms: Double?
  public var errorRate: Double
  /// Long enough and busy enough to count as a steady-state measurement.
  public var isSteady: Bool
  /// Means of the tool's windowed p50 and p99 over the steady part, like `p95Ms`.
  public var p50Ms: Double? = nil
  public var p99Ms: Double? = nil
  /// Exact mean response time over the steady part, from the cumulative means and counts.
  public var meanMs: Double? = nil
  /// A ramp's band: the lowest and highest user count of its ticks (`users` is their time-weighted
  /// mean); `nil` for a constant-user step.
  public var band: ClosedRange<Int>? = nil

  package init(
    users: Int, startSeconds: Double, endSeconds: Double, requests: Int64, requestsPerSecond: Double,
    p95Ms: Double? = nil, errorRate: Double, isSteady: Bool, p50Ms: Double? = nil, p99Ms: Double? = nil,
    meanMs: Double? = nil, band: ClosedRange<Int>? = nil
  ) {
    self.users = users
    self.startSeconds = startSeconds
    self.endSeconds = endSeconds
    self.requests = requests
    self.requestsPerSecond = requestsPerSecond
    self.p95Ms = p95Ms
    self.errorRate = errorRate
    self.isSteady = isSteady
    self.p50Ms = p50Ms
    self.p99Ms = p99Ms
    self.meanMs = meanMs
    self.band = band
  }
}
