/// A raw request log's successful requests counted by latency rounded up to the whole
/// millisecond (to the whole second above a minute), for one endpoint or all of them. Rounding up
/// keeps "at most T" exact for any whole-millisecond T: v ≤ T ⇔ ⌈v⌉ ≤ T. APDEX and the
/// response-time distribution read it; Locust's CSVs carry no per-request latencies, so its runs
/// have none.
public struct LatencyCounts: Sendable, Equatable, Codable {
  /// Empty for the counts of all requests.
  public var method: String
  public var name: String
  public var isTotal: Bool
  /// Ascending latency ceilings, milliseconds, and the successful requests at each.
  public var ceilingsMs: [Int64]
  public var counts: [Int64]

  public init(method: String, name: String, isTotal: Bool, ceilingsMs: [Int64], counts: [Int64]) {
    self.method = method
    self.name = name
    self.isTotal = isTotal
    self.ceilingsMs = ceilingsMs
    self.counts = counts
  }

  /// Above this, ceilings are whole seconds (a few thousand bins at most per endpoint).
  public static let wholeMillisecondsUpTo: Int64 = 60_000

  /// The ceiling a latency is counted at.
  public static func ceiling(_ milliseconds: Double) -> Int64 {
    guard milliseconds.isFinite, milliseconds > 0 else { return 0 }
    // The ceiling of a positive value below 2⁵³ without libm's `ceil` (a call per request on
    // baseline x86-64): the truncation, plus one when it dropped a fraction.
    let capped = min(milliseconds, 1e15)
    let truncated = Int64(capped)
    let whole = Double(truncated) < capped ? truncated + 1 : truncated
    return whole <= wholeMillisecondsUpTo ? whole : (whole + 999) / 1000 * 1000
  }

  /// Successful requests of latency at most `milliseconds` (exact for whole milliseconds up to a
  /// minute, whole seconds above).
  public func count(atMost milliseconds: Double) -> Int64 {
    var total: Int64 = 0
    for (ceiling, count) in zip(ceilingsMs, counts) where Double(ceiling) <= milliseconds { total += count }
    return total
  }

  /// Every successful request counted.
  public var successes: Int64 { counts.reduce(0, +) }

  /// Builds the counts from a ceiling → requests table.
  public init(method: String, name: String, isTotal: Bool, table: [Int64: Int64]) {
    let keys = table.keys.sorted()
    self.init(
      method: method, name: name, isTotal: isTotal, ceilingsMs: keys, counts: keys.map { table[$0] ?? 0 })
  }
}
