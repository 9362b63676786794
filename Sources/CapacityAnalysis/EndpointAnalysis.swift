/// One endpoint's figures in a run.
public struct EndpointAnalysis: Sendable, Equatable {
  public var method: String
  public var name: String
  public var requests: Int64
  public var failures: Int64
  public var errorRate: Double
  public var requestsPerSecond: Double
  public var latency: LatencySummary
  /// Raw request logs only (Locust's CSVs hold no per-request latencies).
  public var apdex: Apdex? = nil
}
