import CapacityModel
import CapacityStatistics

extension RawRunSummarizer {
  /// Reported percentiles of each merged label (in `merged` order) and of all labels together.
  typealias LabelPercentiles = (labels: [[PercentileValue]], total: [PercentileValue])

  /// Past the exact budget: each label's HDR histogram, from its parts' histograms and the values
  /// they still held; the values are released.
  static func histogramPercentiles(_ chunks: inout [RequestAccumulator], merged: [Merged]) -> LabelPercentiles
  {
    var percentiles: [[PercentileValue]] = []
    var all = HDRHistogram()
    for label in merged {
      var histogram = HDRHistogram()
      for part in label.parts {
        if let partial = chunks[part.chunk].perLabel[part.label].histogram { histogram.merge(partial) }
        chunks[part.chunk].perLabel[part.label].values.forEachBlock { block in
          for value in block { histogram.record(milliseconds: value) }
        }
        chunks[part.chunk].perLabel[part.label].values.release()
      }
      all.merge(histogram)
      percentiles.append(
        ExactPercentiles.reported.map { .init(quantile: $0, valueMs: histogram.quantile($0)) })
    }
    return (percentiles, ExactPercentiles.reported.map { .init(quantile: $0, valueMs: all.quantile($0)) })
  }

  /// Exact R-7 percentiles per label and overall, and on `summary.timeline` (already set) each
  /// tick's window percentiles and each load step's p95; also the 5 s request windows. The values
  /// are released.
  static func exactPercentiles(_ chunks: inout [RequestAccumulator], merged: [Merged], summary: inout Summary)
    -> LabelPercentiles
  {
    let steps = StepWindows(timeline: summary.timeline)
    var layout = SegmentedLatencies(groups: steps.windows.count + 1)
    // The timeline leaves long quiet stretches out: the windows cover its span.
    let base = summary.timeline.first?.timestamp ?? 0
    let span = summary.timeline.last.map { Int($0.timestamp - base) + 1 } ?? 0
    var windows = WindowHistograms(base: base, seconds: span)
    var shortWindows = RequestWindowBuilder(base: base, timelineSeconds: span)
    let seriesKept = Set(
      merged.sorted { ($1.count, $0.name, $0.method) < ($0.count, $1.name, $1.method) }
        .prefix(RequestWindowBuilder.maximumEndpointSeries).map { $0.name + "\u{0}" + $0.method })
    for label in merged {
      let parts = label.parts.map {
        (chunks[$0.chunk].perLabel[$0.label].values, chunks[$0.chunk].perLabel[$0.label].seconds)
      }
      for part in parts { windows.record(values: part.0, seconds: part.1) }
      shortWindows.add(
        method: label.method, name: label.name,
        ownSeries: seriesKept.contains(label.name + "\u{0}" + label.method),
        parts: parts)
      layout.append(label: parts, count: Int(label.count), group: steps.group)
      for part in label.parts {
        chunks[part.chunk].perLabel[part.label].values.release()
        chunks[part.chunk].perLabel[part.label].seconds.release()
      }
    }
    layout.sortSegments()
    summary.requestWindows = [shortWindows.totalSeries] + shortWindows.endpoints
    let percentiles = merged.indices.map { index in
      let parts = layout.segments(label: index)
      return ExactPercentiles.reported.map {
        PercentileValue(quantile: $0, valueMs: ExactPercentiles.quantile(sortedParts: parts, $0))
      }
    }
    let all = layout.allSegments
    let total = ExactPercentiles.reported.map {
      PercentileValue(quantile: $0, valueMs: ExactPercentiles.quantile(sortedParts: all, $0))
    }
    stamp(&summary.timeline, windows: windows, base: base, steps: steps, layout: layout)
    layout.deallocate()
    return (percentiles, total)
  }

  /// Each tick's percentiles over its window, and each load step's p95 on the ticks of its stretch.
  private static func stamp(
    _ timeline: inout [TimelinePoint], windows: WindowHistograms, base: Int64, steps: StepWindows,
    layout: SegmentedLatencies
  ) {
    var window = (index: -1, percentiles: [PercentileValue]())
    for tick in timeline.indices {
      let offset = Int(timeline[tick].timestamp - base)
      if offset / windows.windowSeconds != window.index {
        window = (offset / windows.windowSeconds, windows.percentiles(atTick: offset))
      }
      timeline[tick].windowPercentiles = window.percentiles
    }
    for (index, window) in steps.windows.enumerated() {
      guard let p95 = ExactPercentiles.quantile(sortedParts: layout.segments(group: index), 0.95) else {
        continue
      }
      for tick in window.stretch {
        timeline[tick].percentiles = [.init(quantile: 0.95, valueMs: p95)]
      }
    }
  }
}
