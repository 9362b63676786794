import Foundation

/// One stored run of a scenario, reduced to the figures its trend shows.
public struct TrendPoint: Sendable, Equatable {
  public var runID: String
  public var startedAt: Date?
  public var requests: Int64
  public var failures: Int64
  /// Requests per second as the tool computed them.
  public var requestsPerSecond: Double
  /// The tool's run-wide p95, milliseconds.
  public var p95Ms: Double?

  public var errorRate: Double { requests > 0 ? Double(failures) / Double(requests) : 0 }

  package init(
    runID: String, startedAt: Date? = nil, requests: Int64, failures: Int64, requestsPerSecond: Double,
    p95Ms: Double? = nil
  ) {
    self.runID = runID
    self.startedAt = startedAt
    self.requests = requests
    self.failures = failures
    self.requestsPerSecond = requestsPerSecond
    self.p95Ms = p95Ms
  }
}
