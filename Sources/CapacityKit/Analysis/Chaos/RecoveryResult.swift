/// How users fared around one fault event.
public struct RecoveryResult: Sendable, Equatable {
  public var event: ChaosEvent
  /// Spacing of the data the figures rest on, seconds (Locust history: 1 s).
  public var resolutionSeconds: Double
  /// The longest stretch around the fault with no successful response, seconds.
  public var interruptionSeconds: Double
  /// Seconds from the event to the start of that stretch (negative when it began before).
  public var interruptionStartSeconds: Double?
  /// The stretch of ticks with failures, and the failures in it.
  public var burstSeconds: Double
  public var burstFailures: Int64
  /// Failed requests from the event to the end of the observation horizon.
  public var failedRequests: Int64
  /// Mean p95 before the event, milliseconds; `nil` without windowed percentiles.
  public var baselineP95Ms: Double?
  /// Seconds from the event until responses succeed again and p95 stays within the tolerance of
  /// the baseline; `nil` when it never does within the horizon, or p95 is unavailable.
  public var recoverySeconds: Double?
  /// Throughput before the event and its lowest rolling value after it, requests per second.
  public var baselineRequestsPerSecond: Double?
  public var lowestRequestsPerSecond: Double?
  public var targetSeconds: Double?
  public var judgedOn: JudgedOn?
  public var pass: Bool?
  public var notes: [String]

  /// Which measurement a target is compared with: the seed's "service interruption < 5 s" for
  /// pods, "recovery time < 30 s" for database and cache failover.
  public enum JudgedOn: String, Sendable, Codable {
    case interruption
    case recovery
  }

  /// 1 − lowest ÷ baseline throughput, 0…1.
  public var throughputDip: Double? {
    guard let base = baselineRequestsPerSecond, base > 0, let low = lowestRequestsPerSecond else {
      return nil
    }
    return max(0, 1 - low / base)
  }
}
