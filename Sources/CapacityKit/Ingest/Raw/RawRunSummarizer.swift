import Dispatch
import Foundation

/// Merges the accumulators of a raw log's parts into the run's endpoints, total, timeline and
/// error groups, computing exact R-7 percentiles (or HDR ones beyond the budget).
struct RawRunSummarizer {
  struct Summary {
    var endpoints: [EndpointStats] = []
    var total: EndpointStats?
    var timeline: [TimelinePoint] = []
    var errors: [ErrorRecord] = []
    var setAside: [SetAsideCount] = []
    var method: PercentileMethod = .exactR7
    var startedAt: Date?
    var endedAt: Date?
    /// Byte offsets of the warnings, with their messages, and how many there were in all.
    var warnings: [(offset: Int, message: String)] = []
    var warningCount = 0
    /// Labels folded into `(other)` past `RequestAccumulator.maximumLabels`, and their requests.
    var folded: (labels: Int, requests: Int64)?
  }

  private struct Merged {
    var name: String
    var count: Int64 = 0
    var failures: Int64 = 0
    var sum: Double = 0
    var min = Double.infinity
    var max = -Double.infinity
    var firstSecond = Int64.max
    var lastSecond = Int64.min
    var methods: Set<String> = []
    var parts: [(chunk: Int, label: Int)] = []
  }

  func summarize(_ chunks: [RequestAccumulator]) -> Summary {
    var chunks = chunks
    var summary = Summary()
    var names = ByteInterner()
    var merged: [Merged] = []
    var seconds = SecondTable()
    var setAside: [SetAsideReason: Int64] = [:]
    var errors: [RequestAccumulator.ErrorKey: RequestAccumulator.ErrorGroup] = [:]
    let useHistograms = chunks.contains { $0.usesHistograms }
    var firstMs = Int64.max
    var lastMs = Int64.min
    for (chunkIndex, chunk) in chunks.enumerated() {
      var globalID: [Int32] = []
      for (labelIndex, name) in chunk.labels.names.enumerated() {
        let id = names.id(of: name)
        if Int(id) == merged.count { merged.append(Merged(name: name)) }
        globalID.append(id)
        let label = chunk.perLabel[labelIndex]
        let index = Int(id)
        merged[index].count += label.count
        merged[index].failures += label.failures
        merged[index].sum += label.sum
        merged[index].min = Swift.min(merged[index].min, label.min)
        merged[index].max = Swift.max(merged[index].max, label.max)
        merged[index].firstSecond = Swift.min(merged[index].firstSecond, label.firstSecond)
        merged[index].lastSecond = Swift.max(merged[index].lastSecond, label.lastSecond)
        if label.method >= 0 { merged[index].methods.insert(chunk.methods.names[Int(label.method)]) }
        if label.method == -2 { merged[index].methods.insert("*") }
        merged[index].parts.append((chunkIndex, labelIndex))
      }
      seconds.merge(chunk.seconds)
      for (reason, count) in chunk.setAside { setAside[reason, default: 0] += count }
      for (key, group) in chunk.errors {
        let globalKey = RequestAccumulator.ErrorKey(label: globalID[Int(key.label)], message: key.message)
        errors[globalKey, default: RequestAccumulator.ErrorGroup()].merge(group)
      }
      summary.warnings += chunk.warnings
      summary.warningCount += chunk.warningCount
      firstMs = Swift.min(firstMs, chunk.firstStartMs)
      lastMs = Swift.max(lastMs, chunk.lastEndMs)
    }
    summary.folded = Self.foldRareLabels(&merged, errors: &errors)

    // Percentiles per label, then over all labels.
    var percentiles: [[PercentileValue]] = []
    var totalPercentiles: [PercentileValue] = []
    if useHistograms {
      summary.method = .hdr3
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
      totalPercentiles = ExactPercentiles.reported.map { .init(quantile: $0, valueMs: all.quantile($0)) }
    } else {
      summary.timeline = seconds.timeline()
      let steps = StepWindows(timeline: summary.timeline)
      var layout = SegmentedLatencies(groups: steps.windows.count + 1)
      var windows = WindowHistograms(
        base: summary.timeline.first?.timestamp ?? 0, seconds: summary.timeline.count)
      for label in merged {
        for part in label.parts {
          windows.record(
            values: chunks[part.chunk].perLabel[part.label].values,
            seconds: chunks[part.chunk].perLabel[part.label].seconds)
        }
        layout.append(
          label: label.parts.map {
            (chunks[$0.chunk].perLabel[$0.label].values, chunks[$0.chunk].perLabel[$0.label].seconds)
          },
          count: Int(label.count), group: steps.group)
        for part in label.parts {
          chunks[part.chunk].perLabel[part.label].values.release()
          chunks[part.chunk].perLabel[part.label].seconds.release()
        }
      }
      layout.sortSegments()
      for index in merged.indices {
        let parts = layout.segments(label: index)
        percentiles.append(
          ExactPercentiles.reported.map {
            .init(quantile: $0, valueMs: ExactPercentiles.quantile(sortedParts: parts, $0))
          })
      }
      let all = layout.allSegments
      totalPercentiles = ExactPercentiles.reported.map {
        .init(quantile: $0, valueMs: ExactPercentiles.quantile(sortedParts: all, $0))
      }
      // Ticks of one window share its percentiles: work them out once per window.
      var cached: (window: Int, value: [PercentileValue]) = (-1, [])
      for tick in summary.timeline.indices {
        let window = tick / windows.windowSeconds
        if window != cached.window { cached = (window, windows.percentiles(atTick: tick)) }
        summary.timeline[tick].windowPercentiles = cached.value
      }
      for (index, window) in steps.windows.enumerated() {
        guard let p95 = ExactPercentiles.quantile(sortedParts: layout.segments(group: index), 0.95) else {
          continue
        }
        for tick in window.stretch {
          summary.timeline[tick].percentiles = [.init(quantile: 0.95, valueMs: p95)]
        }
      }
      layout.deallocate()
    }

    // A label whose every row was set aside has no requests, and no endpoint.
    for (index, label) in merged.enumerated() where label.count > 0 {
      let span = Double(label.lastSecond - label.firstSecond + 1)
      let method = label.methods.count == 1 && !label.methods.contains("*") ? label.methods.first! : ""
      summary.endpoints.append(
        EndpointStats(
          method: method, name: label.name, requests: label.count, failures: label.failures,
          medianMs: percentiles[index].first?.valueMs,
          averageMs: label.count > 0 ? label.sum / Double(label.count) : nil,
          minMs: label.count > 0 ? label.min : nil, maxMs: label.count > 0 ? label.max : nil,
          requestsPerSecond: Double(label.count) / span, failuresPerSecond: Double(label.failures) / span,
          percentiles: percentiles[index]))
    }
    let methodOf = Dictionary(uniqueKeysWithValues: summary.endpoints.map { ($0.name, $0.method) })
    summary.endpoints.sort { ($0.method, $0.name) < ($1.method, $1.name) }
    let count = merged.reduce(Int64(0)) { $0 + $1.count }
    if count > 0 {
      let failures = merged.reduce(Int64(0)) { $0 + $1.failures }
      let counted = merged.filter { $0.count > 0 }
      let span = Double(counted.map(\.lastSecond).max()! - counted.map(\.firstSecond).min()! + 1)
      summary.total = EndpointStats(
        method: "", name: "Total", requests: count, failures: failures,
        medianMs: totalPercentiles.first?.valueMs,
        averageMs: merged.reduce(0) { $0 + $1.sum } / Double(count),
        minMs: merged.map(\.min).min(), maxMs: merged.map(\.max).max(),
        requestsPerSecond: Double(count) / span, failuresPerSecond: Double(failures) / span,
        percentiles: totalPercentiles)
      summary.startedAt = Date(timeIntervalSince1970: Double(firstMs) / 1000)
      summary.endedAt = Date(timeIntervalSince1970: Double(lastMs) / 1000)
    }
    if summary.timeline.isEmpty { summary.timeline = seconds.timeline() }
    summary.errors = errors.map { key, group in
      let name = merged[Int(key.label)].name
      return ErrorRecord(
        method: methodOf[name] ?? "", name: name, message: key.message, occurrences: group.count,
        firstSeen: Date(timeIntervalSince1970: Double(group.firstMs) / 1000),
        lastSeen: Date(timeIntervalSince1970: Double(group.lastMs) / 1000))
    }.sorted { ($0.name, $0.message) < ($1.name, $1.message) }
    summary.setAside = setAside.keys.sorted().map { SetAsideCount(reason: $0, count: setAside[$0]!) }
    for index in chunks.indices { chunks[index].release() }
    return summary
  }

  /// Keeps the `maximumLabels − 1` labels with the most requests (ties by name) and folds the
  /// rest, with any `(other)` a part already folded into, into one `(other)` label.
  private static func foldRareLabels(
    _ merged: inout [Merged], errors: inout [RequestAccumulator.ErrorKey: RequestAccumulator.ErrorGroup]
  ) -> (labels: Int, requests: Int64)? {
    let other = RequestAccumulator.otherLabel
    let limit = RequestAccumulator.maximumLabels
    let partsFolded = merged.contains { $0.name == other }
    guard merged.count > limit || partsFolded else { return nil }
    let ranked = merged.indices.filter { merged[$0].name != other }
      .sorted { (merged[$0].count, merged[$1].name) > (merged[$1].count, merged[$0].name) }
    let kept = Set(ranked.prefix(limit - 1))
    var result: [Merged] = []
    var remap = [Int](repeating: -1, count: merged.count)
    var folded = Merged(name: other)
    var foldedLabels = 0
    for (index, label) in merged.enumerated() {
      if kept.contains(index) {
        remap[index] = result.count
        result.append(label)
        continue
      }
      if label.name != other { foldedLabels += 1 }
      folded.count += label.count
      folded.failures += label.failures
      folded.sum += label.sum
      folded.min = Swift.min(folded.min, label.min)
      folded.max = Swift.max(folded.max, label.max)
      folded.firstSecond = Swift.min(folded.firstSecond, label.firstSecond)
      folded.lastSecond = Swift.max(folded.lastSecond, label.lastSecond)
      folded.methods.formUnion(label.methods)
      folded.parts += label.parts
      remap[index] = -2
    }
    let otherIndex = result.count
    result.append(folded)
    var remapped: [RequestAccumulator.ErrorKey: RequestAccumulator.ErrorGroup] = [:]
    for (key, group) in errors {
      let target = remap[Int(key.label)]
      let newKey = RequestAccumulator.ErrorKey(
        label: Int32(target < 0 ? otherIndex : target), message: key.message)
      remapped[newKey, default: RequestAccumulator.ErrorGroup()].merge(group)
    }
    errors = remapped
    merged = result
    return (foldedLabels, folded.count)
  }
}
