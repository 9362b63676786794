import CapacityModel

extension RawRunSummarizer {
  /// The status classes counted per second, summed into the request windows over the timeline's
  /// span (the windows `RequestWindowBuilder` draws the latencies in); nil when no request had a
  /// status.
  static func statusCodes(_ statuses: StatusSecondTable, timeline: [TimelinePoint]) -> StatusCodeSeries? {
    guard !statuses.isEmpty, let first = timeline.first, let last = timeline.last else { return nil }
    let span = Int(last.timestamp - first.timestamp) + 1
    let length = RequestWindowBuilder.windowLength(timelineSeconds: span)
    let series = statuses.series(
      base: first.timestamp, windowSeconds: length, windowCount: max(1, (span + length - 1) / length))
    return series.requests > 0 ? series : nil
  }
}
