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
        var total = errors[globalKey] ?? RequestAccumulator.ErrorGroup()
        total.count += group.count
        total.firstMs = Swift.min(total.firstMs, group.firstMs)
        total.lastMs = Swift.max(total.lastMs, group.lastMs)
        errors[globalKey] = total
      }
      summary.warnings += chunk.warnings
      summary.warningCount += chunk.warningCount
      firstMs = Swift.min(firstMs, chunk.firstStartMs)
      lastMs = Swift.max(lastMs, chunk.lastEndMs)
    }

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
      var buffers: [UnsafeMutableBufferPointer<Double>] = []
      for label in merged {
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: Int(label.count))
        var offset = 0
        for part in label.parts {
          let count = chunks[part.chunk].perLabel[part.label].values.count
          chunks[part.chunk].perLabel[part.label].values.moveAll(into: buffer.baseAddress! + offset)
          offset += count
        }
        buffers.append(buffer)
      }
      let shared = Unchecked(value: buffers)
      // Largest first, so two cores finish together.
      let order = buffers.indices.sorted { buffers[$0].count > buffers[$1].count }
      DispatchQueue.concurrentPerform(iterations: order.count) { index in
        var buffer = shared.value[order[index]]
        buffer.sort()
      }
      for buffer in buffers {
        let sorted = UnsafeBufferPointer(buffer)
        percentiles.append(
          ExactPercentiles.reported.map {
            .init(quantile: $0, valueMs: ExactPercentiles.quantile(sorted: sorted, $0))
          })
      }
      let parts = buffers.map { UnsafeBufferPointer($0) }
      totalPercentiles = ExactPercentiles.reported.map {
        .init(quantile: $0, valueMs: ExactPercentiles.quantile(sortedParts: parts, $0))
      }
      for buffer in buffers { buffer.deallocate() }
    }

    for (index, label) in merged.enumerated() {
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
      let span = Double(merged.map(\.lastSecond).max()! - merged.map(\.firstSecond).min()! + 1)
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
    summary.timeline = seconds.timeline()
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
}
