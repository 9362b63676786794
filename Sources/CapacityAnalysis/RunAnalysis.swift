import CapacityModel
import Foundation

/// Everything the analysis concludes about one run.
public struct RunAnalysis: Sendable, Equatable {
  public var run: Run
  /// `nil` when the run's files give no request counts (e.g. only a failures file).
  public var requests: Int64?
  public var failures: Int64
  public var errorRate: Double
  public var requestsPerSecond: Double
  public var durationSeconds: Double?
  public var usersMax: Int?
  public var latency: LatencySummary
  public var endpoints: [EndpointAnalysis]
  public var errors: [ErrorSummary]
  public var validity: Validity
  public var steps: [LoadStep]
  /// Caveats about the data that a reader of the numbers must know.
  public var notes: [String]
  /// Recovery around each fault event (or detected incident) inside the run.
  public var recoveries: [RecoveryResult] = []
  /// JMeter Transaction Controller parents (exact percentiles), apart from the requests.
  public var transactions: [EndpointAnalysis] = []
  /// APDEX of all requests; raw request logs only.
  public var apdex: Apdex? = nil

  /// Within the SLO and usable as evidence.
  public func meetsSLO(_ thresholds: AnalysisThresholds) -> Bool {
    guard validity.verdict != .invalid, let p95 = latency.p95 else { return false }
    return p95 <= thresholds.sloP95Ms && errorRate <= thresholds.sloErrorRate
  }
}

extension RunAnalysis {
  /// Whether the run's steps are the bands of one continuous ramp.
  public var isRamp: Bool { steps.contains { $0.band != nil } }
}
