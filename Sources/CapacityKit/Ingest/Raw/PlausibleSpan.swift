import Foundation

/// Which request start times a raw log's run accepts. A stray row at Unix time 0 or in year 9999
/// must not stretch the per-second tables over decades, so a start time is plausible when it lies
/// in 2000…2100 (fixed bounds: the same file always gives the same report, whatever the date),
/// and then within the run's main span: the `maximumDays`-day stretch of the file holding the
/// most requests. Rows outside are set aside, counted and named by line.
struct PlausibleSpan: Sendable, Equatable {
  /// 2000-01-01T00:00:00Z.
  static let earliestMs: Int64 = 946_684_800_000
  /// 2100-01-01T00:00:00Z.
  static let latestMs: Int64 = 4_102_444_800_000
  /// The longest run a raw log's timeline covers (one point per second).
  static let maximumDays: Int64 = 7
  /// Latencies above one day are not a response time but a broken clock or field.
  static let maximumLatencyMs = 86_400_000.0

  static let all = PlausibleSpan(startMs: earliestMs, endMs: latestMs)

  var startMs: Int64
  /// Exclusive.
  var endMs: Int64

  @inline(__always) func contains(_ ms: Int64) -> Bool { ms >= startMs && ms < endMs }

  var isRestricted: Bool { self != Self.all }

  /// The span of `maximumDays` whole hours holding the most requests, from requests per hour
  /// (Unix hour → count); `nil` when every request already lies within such a span.
  static func main(of hours: [Int64: Int64]) -> PlausibleSpan? {
    let sorted = hours.keys.sorted()
    guard let first = sorted.first, let last = sorted.last, last - first >= maximumDays * 24 else {
      return nil
    }
    var best = (start: first, count: Int64(-1))
    var running: Int64 = 0
    var low = 0
    for hour in sorted {
      running += hours[hour]!
      while hour - sorted[low] >= maximumDays * 24 {
        running -= hours[sorted[low]]!
        low += 1
      }
      if running > best.count { best = (sorted[low], running) }
    }
    return PlausibleSpan(startMs: best.start * 3_600_000, endMs: (best.start + maximumDays * 24) * 3_600_000)
  }

  /// `2024-05-29T12:00:00Z–2024-06-05T12:00:00Z`.
  var text: String {
    UTCTimestamp.format(Date(timeIntervalSince1970: Double(startMs) / 1000)) + "–"
      + UTCTimestamp.format(Date(timeIntervalSince1970: Double(endMs) / 1000))
  }
}
