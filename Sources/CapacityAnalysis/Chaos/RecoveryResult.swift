import CapacityModel

/// How users fared during one fault, measured inside the fault's own window.
public struct RecoveryResult: Sendable, Equatable {
  /// The action that started the fault.
  public var event: ChaosEvent
  /// The action that ended it (`unfreeze`, `restart`), when the events file logged one.
  public var end: ChaosEvent?
  /// Spacing of the data the figures rest on, seconds (raw logs: 0.001, Locust history: 1).
  public var resolutionSeconds: Double
  /// The fault's window, seconds from the event: it ends at the next fault, at recovery plus the
  /// settle time, or at the run's end, whichever comes first (and at most the horizon).
  public var windowSeconds: Double
  public var windowEnd: WindowEnd
  /// Seconds of baseline before the event (60 s, less when cut at the previous fault's window
  /// or the run's start).
  public var baselineSeconds: Double
  /// Gaps between successful responses up to this long are normal traffic, seconds.
  public var normalGapSeconds: Double
  public var effect: Effect
  /// The longest stretch in the window with no successful response, seconds; 0 when no longer
  /// than the normal gap.
  public var interruptionSeconds: Double
  /// Seconds from the event to the start of that stretch.
  public var interruptionStartSeconds: Double?
  /// From the first to the last failure in the window (to the tick for a tool's history), and
  /// the failures in it.
  public var burstSeconds: Double
  public var burstFailures: Int64
  /// Failed requests that ended in the window.
  public var failedRequests: Int64
  /// Mean p95 over the baseline, milliseconds; `nil` without windowed percentiles.
  public var baselineP95Ms: Double?
  /// Seconds from the event until responses succeed again without failures (and p95, when known,
  /// is within the tolerance of the baseline) for the hold time; 0 with no visible effect; `nil`
  /// when not reached inside the window.
  public var recoverySeconds: Double?
  /// Throughput over the baseline and its lowest rolling value in the window, requests per second.
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

  /// What ended the fault's window.
  public enum WindowEnd: String, Sendable, Codable {
    case settled = "recovery-plus-settle"
    case nextFault = "next-fault"
    case runEnd = "run-end"
    case horizon
  }

  public enum Effect: String, Sendable, Codable {
    case none = "no visible effect"
    case recovered
    case notRecoveredBeforeNextFault = "not recovered before the next fault"
    case notRecoveredBeforeRunEnd = "not recovered before the run ended"
    case notRecoveredInHorizon = "not recovered within the horizon"
  }

  /// 1 − lowest ÷ baseline throughput, 0…1.
  public var throughputDip: Double? {
    guard let base = baselineRequestsPerSecond, base > 0, let low = lowestRequestsPerSecond else {
      return nil
    }
    return max(0, 1 - low / base)
  }
}
