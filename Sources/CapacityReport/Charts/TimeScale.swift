import CapacityModel
import Foundation

/// A wall-clock axis in UTC: ticks on round times (every 1, 2, 5, 10, 15, 20 or 30 seconds or
/// minutes, 3 minutes, or 1, 2, 3, 4, 6, 12 hours, or days), at most 8 and at least 4 of them,
/// 5 to 8 for most spans; labelled `HH:MM:SS` under a minute apart, `HH:MM` otherwise, `MM-DD` a
/// day or more apart.
package struct TimeScale: Sendable, Equatable {
  /// The axis' ends, Unix seconds: the data's span (one point gets a minute around it).
  package var start: Double
  package var end: Double
  /// Round times within start…end, Unix seconds.
  package var ticks: [Double]
  package var step: Double

  package static let steps: [Double] = [
    1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 14400, 21600, 43200,
    86400, 172_800, 604_800,
  ]

  /// - Parameter times: Unix seconds; non-finite ones are ignored.
  package init(_ times: [Double]) {
    // Years 1 to 5138 (±10¹¹ s) at most, so tick counts stay integers.
    let finite = times.filter(\.isFinite).map { min(max($0, -1e11), 1e11) }
    var start = finite.min() ?? 0
    var end = finite.max() ?? 60
    if end <= start {
      start -= 30
      end += 30
    }
    let step =
      Self.steps.first { Self.count(start, end, $0) <= NiceScale.tickCounts.upperBound }
      ?? Self.coarsestStep(start, end)
    let first = Foundation.ceil(start / step)
    let last = Foundation.floor(end / step)
    self.start = start
    self.end = end
    self.step = step
    ticks = first <= last ? stride(from: first, through: last, by: 1).map { $0 * step } : []
  }

  /// Round times of `step` within start…end.
  private static func count(_ start: Double, _ end: Double, _ step: Double) -> Int {
    Int(Foundation.floor(end / step) - Foundation.ceil(start / step)) + 1
  }

  /// Whole weeks, for spans longer than the table's steps.
  private static func coarsestStep(_ start: Double, _ end: Double) -> Double {
    var step = steps[steps.count - 1]
    while count(start, end, step) > NiceScale.tickCounts.upperBound { step *= 2 }
    return step
  }

  package func fraction(_ time: Double) -> Double {
    min(max((time - start) / (end - start), 0), 1)
  }

  package func contains(_ time: Double) -> Bool { time >= start && time <= end }

  /// A tick's label in UTC.
  package func label(_ time: Double) -> String {
    if step >= 86400 { return Self.date(time) }
    let parts = Self.clock(time)
    return step < 60 ? "\(parts.hours):\(parts.minutes):\(parts.seconds)" : "\(parts.hours):\(parts.minutes)"
  }

  /// `HH:MM:SS UTC`, for hover titles.
  package static func instant(_ time: Double) -> String {
    let parts = clock(time)
    return "\(parts.hours):\(parts.minutes):\(parts.seconds) UTC"
  }

  private static func clock(_ time: Double) -> (hours: String, minutes: String, seconds: String) {
    let inDay = split(time).inDay
    func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return (two(inDay / 3600), two(inDay / 60 % 60), two(inDay % 60))
  }

  /// `MM-DD` of the day `time` falls in.
  private static func date(_ time: Double) -> String {
    let (whole, inDay) = split(time)
    let midnight = UTCTimestamp.format(Date(timeIntervalSince1970: Double(whole - inDay)))
    return String(midnight.dropFirst(5).prefix(5))
  }

  /// The whole second `time` falls in (clamped to ±1e11) and its second of the day.
  private static func split(_ time: Double) -> (whole: Int64, inDay: Int64) {
    let whole = Int64(Foundation.floor(min(max(time.isFinite ? time : 0, -1e11), 1e11)))
    return (whole, ((whole % 86400) + 86400) % 86400)
  }
}
