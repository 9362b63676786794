import CapacityModel

/// The APDEX of a set of requests against a target time T: satisfied are successful requests of
/// at most T, tolerating successful ones above T and at most 4T, frustrated the rest (slower than
/// 4T, and every failed request). Score = (satisfied + tolerating ÷ 2) ÷ requests.
public struct Apdex: Sendable, Equatable {
  /// T, milliseconds (whole).
  public var thresholdMs: Double
  public var satisfied: Int64
  public var tolerating: Int64
  public var frustrated: Int64
  public var score: Double

  /// - Parameters: counts: the successful requests by latency; requests: every request,
  ///   failures included; thresholdMs: T. `nil` without a request.
  public init?(counts: LatencyCounts, requests: Int64, thresholdMs: Double) {
    guard requests > 0, thresholdMs > 0 else { return nil }
    let satisfied = counts.count(atMost: thresholdMs)
    let tolerating = counts.count(atMost: 4 * thresholdMs) - satisfied
    self.thresholdMs = thresholdMs
    self.satisfied = satisfied
    self.tolerating = tolerating
    frustrated = max(0, requests - satisfied - tolerating)
    score = (Double(satisfied) + Double(tolerating) / 2) / Double(requests)
  }

  /// T: `--apdex-t`, else the p95 objective ÷ 4, to the whole millisecond (at least 1), so that
  /// counting latencies rounded up to the millisecond stays exact.
  public static func threshold(_ thresholds: AnalysisThresholds) -> Double {
    max(1, (thresholds.apdexThresholdMs ?? thresholds.sloP95Ms / 4).rounded())
  }
}
