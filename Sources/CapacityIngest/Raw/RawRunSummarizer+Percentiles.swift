import CapacityModel
import CapacityStatistics

extension RawRunSummarizer {
  /// The percentiles of each label (in `merged` order) and of all labels together.
  struct LabelPercentiles {
    var perLabel: [[PercentileValue]] = []
    var total: [PercentileValue] = []
  }

  /// Percentiles from HDR histograms, for runs past the exact budget; releases the values read.
  func histogramPercentiles(
    _ chunks: inout [RequestAccumulator], _ merged: [Merged], into summary: inout Summary
  ) -> LabelPercentiles {
    summary.method = .hdr3
    var result = LabelPercentiles()
    var all = HDRHistogram()
    for label in merged {
      var histogram = HDRHistogram()
      for part in label.parts {
        if let partial = chunks[part.chunk].perLabel[part.label].histogram { histogram.merge(partial) }
        histogram.record(chunks[part.chunk].perLabel[part.label].values)
        chunks[part.chunk].perLabel[part.label].values.release()
      }
      all.merge(histogram)
      result.perLabel.append(
        ExactPercentiles.reported.map { .init(quantile: $0, valueMs: histogram.quantile($0)) })
    }
    result.total = ExactPercentiles.reported.map { .init(quantile: $0, valueMs: all.quantile($0)) }
    return result
  }

  /// Exact R-7 percentiles per label and over all; also gives the summary its timeline with the
  /// 10 s window and steady-step percentiles, and its 5 s request windows. Releases the values.
  func exactPercentiles(
    _ chunks: inout [RequestAccumulator], _ merged: [Merged], seconds: SecondTable,
    into summary: inout Summary
  ) -> LabelPercentiles {
    summary.timeline = seconds.timeline()
    let steps = StepWindows(timeline: summary.timeline)
    // The timeline leaves long quiet stretches out: the windows cover its span.
    let base = summary.timeline.first?.timestamp ?? 0
    let span = summary.timeline.last.map { Int($0.timestamp - base) + 1 } ?? 0
    let buckets = LatencyBuckets(
      fastest: merged.map(\.min).min() ?? .infinity, slowest: merged.map(\.max).max() ?? -.infinity)
    var windows = WindowHistograms(base: base, seconds: span, buckets: buckets)
    var layout = SegmentedLatencies(groups: steps.windows.count + 1)
    defer { layout.deallocate() }
    // Built here and lent to `lay`: a copy there would share its tables and copy both on the first
    // count (6 MB each for an hour). Its count of all requests reaches as far as the 10 s windows,
    // which are then made from it.
    var requestWindows = RequestWindowBuilder(
      base: base, timelineSeconds: span, buckets: buckets, totalSeconds: windows.coveredSeconds)
    summary.requestWindows = lay(
      &chunks, merged, steps: steps, layout: &layout, requestWindows: &requestWindows)
    requestWindows.addTotal(to: &windows)
    let reported = ExactPercentiles.reported
    let values = ExactPercentiles.quantiles(
      sortedParts: merged.indices.map { layout.segments(label: $0) } + [layout.allSegments], reported)
    let percentiles = values.map { zip(reported, $0).map { PercentileValue(quantile: $0, valueMs: $1) } }
    var result = LabelPercentiles()
    result.perLabel = Array(percentiles.dropLast())
    result.total = percentiles.last ?? []
    fillTimeline(&summary.timeline, base: base, windows: windows, steps: steps, layout: layout)
    return result
  }

  /// Feeds every label's values to the 5 s request windows and the segmented layout (sorted per
  /// step), then releases them; returns the request window series.
  private func lay(
    _ chunks: inout [RequestAccumulator], _ merged: [Merged], steps: StepWindows,
    layout: inout SegmentedLatencies, requestWindows: inout RequestWindowBuilder
  ) -> [RequestWindowSeries] {
    let seriesKept = Set(
      merged.sorted { ($1.count, $0.name, $0.method) < ($0.count, $1.name, $1.method) }
        .prefix(RequestWindowBuilder.maximumEndpointSeries).map { $0.name + "\u{0}" + $0.method })
    typealias Parts = [(values: ValueBlocks<Double>, seconds: ValueBlocks<UInt32>)]
    withUnsafeMutablePointer(to: &layout) { layout in
      // A pipeline of two: one core copies the previous label into the layout (freeing its blocks
      // as it goes) while this one counts the next label's windows. Labels enter the layout in order.
      var previous: (parts: Parts, count: Int)?
      for label in merged + [nil] {
        let copy = previous.map { previous in
          let shared = Unchecked(value: (layout, previous, steps))
          return { @Sendable in
            var (layout, previous, steps) = shared.value
            layout.pointee.append(label: &previous.parts, count: previous.count, group: steps.group)
          }
        }
        previous = Concurrently.alongside(copy) {
          guard let label else { return nil }
          // The label's blocks move out of the accumulators.
          let parts = label.parts.map { chunks[$0.chunk].perLabel[$0.label].takeValues() }
          requestWindows.add(
            method: label.method, name: label.name,
            ownSeries: seriesKept.contains(label.name + "\u{0}" + label.method), parts: parts)
          return (parts, Int(label.count))
        }
      }
    }
    layout.sortSegments()
    return [requestWindows.totalSeries] + requestWindows.endpoints
  }

  /// Each tick's 10 s window percentiles, and each steady step's exact p95 on its ticks.
  private func fillTimeline(
    _ timeline: inout [TimelinePoint], base: Int64, windows: WindowHistograms, steps: StepWindows,
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
      for tick in window.stretch { timeline[tick].percentiles = [.init(quantile: 0.95, valueMs: p95)] }
    }
  }
}
