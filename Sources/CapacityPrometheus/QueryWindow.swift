import Foundation

/// The time range, step and rate window of one run's `query_range` calls.
public struct QueryWindow: Sendable, Equatable {
  /// Unix seconds; `start` is a multiple of the step, so a re-fetch of the same run asks for the
  /// same grid and gets the same answer.
  public var start: Int64
  public var end: Int64
  public var stepSeconds: Int64
  /// Grafana's `$__rate_interval`: max(step + scrape interval, 4 × scrape interval), so every
  /// rate sees at least four scrapes and consecutive points leave no sample out.
  public var rateSeconds: Int64

  /// Prometheus refuses a range query with more points per series than this.
  public static let maximumPoints: Int64 = 11_000
  /// Added before and after each run, as the report matches samples to runs with a minute of slack.
  public static let defaultMarginSeconds: Double = 60

  public init(start: Int64, end: Int64, stepSeconds: Int64, rateSeconds: Int64) {
    self.start = start
    self.end = end
    self.stepSeconds = stepSeconds
    self.rateSeconds = rateSeconds
  }

  /// Points per series this window asks for.
  public var points: Int64 { (end - start) / stepSeconds + 1 }

  /// The window for a run spanning `span` (Unix seconds): the span plus `margin` either side, never
  /// past `now` (Prometheus would repeat the last gauge value into the future). The step is the
  /// scrape interval, or coarser when the window would pass `maximumPoints`; a `requestedStep` is
  /// taken as given unless it passes the limit.
  public static func covering(
    _ span: ClosedRange<Double>, margin: Double = defaultMarginSeconds, scrapeInterval: Int64,
    requestedStep: Int64? = nil, now: Date
  ) throws(PrometheusError) -> QueryWindow {
    let interval = max(1, scrapeInterval)
    let from = Int64((span.lowerBound - margin).rounded(.down))
    let to = min(
      Int64((span.upperBound + margin).rounded(.up)), Int64(now.timeIntervalSince1970.rounded(.down)))
    guard to > from else { throw .emptyWindow(from: from, to: to) }
    let needed = (to - from + maximumPoints - 2) / (maximumPoints - 1)
    let step: Int64
    if let requestedStep {
      guard requestedStep >= 1, requestedStep >= needed else {
        throw .stepTooFine(step: requestedStep, seconds: to - from, minimum: max(1, needed))
      }
      step = requestedStep
    } else {
      step = max(interval, needed)
    }
    let start = from - ((from % step) + step) % step
    var window = QueryWindow(
      start: start, end: to, stepSeconds: step, rateSeconds: max(step + interval, 4 * interval))
    if window.points > maximumPoints { window.end = start + (maximumPoints - 1) * step }
    return window
  }
}
