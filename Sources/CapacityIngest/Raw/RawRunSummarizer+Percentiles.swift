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
    // count (6 MB each for an hour).
    var requestWindows = RequestWindowBuilder(base: base, timelineSeconds: span, buckets: buckets)
    summary.requestWindows = lay(
      &chunks, merged, steps: steps, windows: &windows, layout: &layout,
      requestWindows: &requestWindows)
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

  /// Feeds every label's values to the 10 s window histograms, the 5 s request windows and the
  /// segmented layout (sorted per step), then releases them; returns the request window series.
  private func lay(
    _ chunks: inout [RequestAccumulator], _ merged: [Merged], steps: StepWindows,
    windows: inout WindowHistograms, layout: inout SegmentedLatencies,
    requestWindows: inout RequestWindowBuilder
  ) -> [RequestWindowSeries] {
    let seriesKept = Set(
      merged.sorted { ($1.count, $0.name, $0.method) < ($0.count, $1.name, $1.method) }
        .prefix(RequestWindowBuilder.maximumEndpointSeries).map { $0.name + "\u{0}" + $0.method })
    withUnsafeMutablePointer(to: &windows) { windows in
      for label in merged {
        // The label's blocks move out of the accumulators; the layout frees them as it copies them.
        var parts = label.parts.map { chunks[$0.chunk].perLabel[$0.label].takeValues() }
        // Both only read the blocks: the 10 s windows are counted on another core meanwhile.
        let shared = Unchecked(value: (windows, parts))
        Concurrently.alongside({
          for part in shared.value.1 {
            shared.value.0.pointee.record(values: part.values, seconds: part.seconds)
          }
        }) {
          requestWindows.add(
            method: label.method, name: label.name,
            ownSeries: seriesKept.contains(label.name + "\u{0}" + label.method), parts: parts)
        }
        layout.append(label: &parts, count: Int(label.count), group: steps.group)
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
