import CapacityModel
import CapacityStatistics
import Foundation
import Synchronization

/// Merges the accumulators of a raw log's parts into the run's endpoints, total, timeline and
/// error groups, computing exact R-7 percentiles (or HDR ones beyond the budget).
package struct RawRunSummarizer {
  package struct Summary {
    package var endpoints: [EndpointStats] = []
    package var total: EndpointStats?
    /// Transaction Controller parents, by name: not part of `endpoints` or `total`.
    package var transactions: [EndpointStats] = []
    package var timeline: [TimelinePoint] = []
    /// All requests first, then the `RequestWindowBuilder.maximumEndpointSeries` endpoints with the
    /// most requests (exact mode only).
    package var requestWindows: [RequestWindowSeries] = []
    /// Successful requests by latency: all requests first, then each endpoint as `endpoints`.
    package var latencyCounts: [LatencyCounts] = []
    /// Requests per status class in the request windows; nil when the log gives no status.
    package var statusCodes: StatusCodeSeries?
    /// Time to first byte and connect time, where the log gives them.
    package var timings: [RequestTiming] = []
    package var errors: [ErrorRecord] = []
    package var setAside: [SetAsideCount] = []
    package var method: PercentileMethod = .exactR7
    package var startedAt: Date?
    package var endedAt: Date?
    /// Byte offsets of the warnings, with their messages, and how many there were in all.
    package var warnings: [(offset: Int, message: String)] = []
    package var warningCount = 0
    package var marks = RequestMarks()
    /// Requests per input file (by the index given to `summarizeSessions`), when merging.
    package var requestsBySource: [Int64] = []
    /// The input file of each warning (index into `sources`; 0 without).
    package var warningSources: [Int] = []
    /// Past `RequestAccumulator.maximumLabels`: the distinct labels counted together as
    /// `(other)` and their requests.
    var folded: (labels: Int, requests: Int64)?
  }

  /// One label (method and name) across the parts, with where its values are.
  struct Merged {
    var name: String
    var method: String
    var count: Int64 = 0
    var failures: Int64 = 0
    var sum: Double = 0
    var min = Double.infinity
    var max = -Double.infinity
    var firstSecond = Int64.max
    var lastSecond = Int64.min
    var parts: [(chunk: Int, label: Int)] = []
  }

  package init() {}

  /// What `label` is shown as: an empty JMeter label is a label of its own.
  package static let emptyLabel = "(empty label)"

  /// The sessions of the accumulators' segments: segments in time order, a new session wherever
  /// no segment's samples come within `gap` seconds. Each session lists `(chunk, segment)`.
  /// Sessions without a request are dropped unless no session has one.
  package static func sessions(_ chunks: [RequestAccumulator], gap: Int64) -> [[(chunk: Int, segment: Int)]] {
    let gap = gap > 0 ? gap : RequestAccumulator.neverSplit
    var parts: [(chunk: Int, segment: Int, first: Int64, last: Int64)] = []
    for (chunkIndex, chunk) in chunks.enumerated() {
      for (index, segment) in chunk.segments.enumerated() {
        parts.append((chunkIndex, index, segment.firstSecond, segment.lastSecond))
      }
    }
    parts.sort { ($0.first, $0.chunk, $0.segment) < ($1.first, $1.chunk, $1.segment) }
    var sessions: [[(chunk: Int, segment: Int)]] = []
    var requests: [Int64] = []
    var reach = Int64.min
    for part in parts {
      if sessions.isEmpty || part.first - reach > gap {
        sessions.append([])
        requests.append(0)
      }
      sessions[sessions.count - 1].append((part.chunk, part.segment))
      requests[requests.count - 1] += chunks[part.chunk].segments[part.segment].requests
      reach = Swift.max(reach, part.last)
    }
    let counted = sessions.indices.filter { requests[$0] > 0 }.map { sessions[$0] }
    return counted.isEmpty ? [sessions.flatMap { $0 }] : counted
  }

  /// One summary over every segment of the accumulators.
  package func summarize(_ chunks: [RequestAccumulator]) -> Summary {
    let all = chunks.indices.map { [Bool](repeating: true, count: chunks[$0].segments.count) }
    var chunks = chunks
    var summary = summarize(&chunks, members: all, orphans: true)
    summary.marks = RequestMarksBuilder.merged(chunks.map { $0.marks.marks() })
    summary.transactions = Self.transactions(of: chunks)
    for index in chunks.indices { chunks[index].release() }
    return summary
  }

  /// One summary per session (`sessions(_:gap:)`), in time order; `sources` gives the input file of
  /// each chunk, counted per session in `requestsBySource`.
  func summarizeSessions(_ chunks: [RequestAccumulator], gap: Int64, sources: [Int] = []) -> [Summary] {
    var chunks = chunks
    var summaries: [Summary] = []
    let sessions = Self.sessions(chunks, gap: gap)
    // Marks and transactions are kept per part, not per session: merged once, then each session
    // takes its own time range of them.
    let marks = RequestMarksBuilder.merged(chunks.map { $0.marks.marks() })
    for (index, session) in sessions.enumerated() {
      var members = chunks.indices.map { [Bool](repeating: false, count: chunks[$0].segments.count) }
      for member in session { members[member.chunk][member.segment] = true }
      var summary = summarize(&chunks, members: members, orphans: index == 0, sources: sources)
      if sessions.count == 1 {
        summary.marks = marks
        summary.transactions = Self.transactions(of: chunks)
      } else if let first = summary.startedAt, let last = summary.endedAt {
        let firstMs = Int64((first.timeIntervalSince1970 * 1000).rounded(.down))
        let lastMs = Int64((last.timeIntervalSince1970 * 1000).rounded(.up))
        summary.marks = marks.within(fromMs: firstMs, toMs: lastMs + 1)
        summary.transactions = Self.transactions(
          of: chunks,
          seconds: RequestAccumulator.second(ofMs: firstMs)...RequestAccumulator.second(ofMs: lastMs))
      }
      if !sources.isEmpty {
        summary.requestsBySource = [Int64](repeating: 0, count: (sources.max() ?? 0) + 1)
        for member in session {
          summary.requestsBySource[sources[member.chunk]] +=
            chunks[member.chunk].segments[member.segment].requests
        }
      }
      summaries.append(summary)
    }
    for index in chunks.indices { chunks[index].release() }
    return summaries
  }

  /// Summarises the labels of the segments flagged in `members` (per chunk, per segment);
  /// `orphans` adds what was read before any request (warnings, set-aside rows).
  private func summarize(
    _ chunks: inout [RequestAccumulator], members: [[Bool]], orphans: Bool, sources: [Int] = []
  ) -> Summary {
    var gathered = Gathered(chunks, members: members, orphans: orphans, sources: sources)
    var summary = Summary()
    summary.warnings = gathered.warnings
    summary.warningSources = gathered.warningSources
    summary.warningCount = gathered.warningCount
    summary.folded = Self.foldRareLabels(
      &gathered.merged, errors: &gathered.errors, foldedOnIntake: gathered.foldedNames)
    // The ceiling counts are summed on another core while the percentiles take the values: the
    // side reads its own copy of the accumulators (only their tables, which nothing changes).
    let counts = Mutex<[LatencyCounts]>([])
    let snapshot = Unchecked(value: (chunks, gathered.merged))
    let percentiles = Concurrently.alongside({
      let counted = Self.latencyCounts(snapshot.value.0, snapshot.value.1)
      counts.withLock { $0 = counted }
    }) {
      chunks.contains { $0.usesHistograms }
        ? histogramPercentiles(&chunks, gathered.merged, into: &summary)
        : exactPercentiles(&chunks, gathered.merged, seconds: gathered.seconds, into: &summary)
    }
    summary.latencyCounts = counts.withLock { $0 }
    summary.endpoints = zip(gathered.merged, percentiles.perLabel).map(endpoint)
      .sorted { ($0.method, $0.name) < ($1.method, $1.name) }
    summary.total = total(gathered.merged, percentiles: percentiles.total)
    if summary.total != nil {
      summary.startedAt = Date(timeIntervalSince1970: Double(gathered.firstMs) / 1000)
      summary.endedAt = Date(timeIntervalSince1970: Double(gathered.lastMs) / 1000)
    }
    if summary.timeline.isEmpty { summary.timeline = gathered.seconds.timeline() }
    summary.statusCodes = Self.statusCodes(gathered.statuses, timeline: summary.timeline)
    summary.timings = Self.timings(chunks, members: gathered.memberSegments, timeline: summary.timeline)
    summary.errors = errorRecords(gathered.errors, labels: gathered.merged)
    summary.setAside = gathered.setAside.keys.sorted().map {
      SetAsideCount(reason: $0, count: gathered.setAside[$0]!)
    }
    return summary
  }

  /// Each label's successful requests by latency ceiling (its parts summed), sorted as the
  /// endpoints are, after the counts of all labels together.
  private static func latencyCounts(_ chunks: [RequestAccumulator], _ merged: [Merged]) -> [LatencyCounts] {
    var all: [Int64: Int64] = [:]
    let perLabel = merged.map { label in
      var table: [Int64: Int64] = [:]
      for part in label.parts {
        chunks[part.chunk].perLabel[part.label].successCeilings.add(into: &table)
      }
      all.merge(table, uniquingKeysWith: +)
      return LatencyCounts(method: label.method, name: label.name, isTotal: false, table: table)
    }
    return [LatencyCounts(method: "", name: "", isTotal: true, table: all)]
      + perLabel.sorted { ($0.method, $0.name) < ($1.method, $1.name) }
  }

  /// A label's figures; its rates are over its own span, first to last whole second.
  private func endpoint(_ label: Merged, percentiles: [PercentileValue]) -> EndpointStats {
    let span = Double(label.lastSecond - label.firstSecond + 1)
    return EndpointStats(
      method: label.method, name: label.name, requests: label.count, failures: label.failures,
      medianMs: percentiles.first?.valueMs,
      averageMs: label.count > 0 ? label.sum / Double(label.count) : nil,
      minMs: label.count > 0 ? label.min : nil, maxMs: label.count > 0 ? label.max : nil,
      requestsPerSecond: Double(label.count) / span, failuresPerSecond: Double(label.failures) / span,
      percentiles: percentiles)
  }

  /// All labels together; `nil` without a request.
  private func total(_ merged: [Merged], percentiles: [PercentileValue]) -> EndpointStats? {
    let count = merged.reduce(Int64(0)) { $0 + $1.count }
    guard count > 0 else { return nil }
    let failures = merged.reduce(Int64(0)) { $0 + $1.failures }
    let span = Double(merged.map(\.lastSecond).max()! - merged.map(\.firstSecond).min()! + 1)
    return EndpointStats(
      method: "", name: "Total", requests: count, failures: failures,
      medianMs: percentiles.first?.valueMs,
      averageMs: merged.reduce(0) { $0 + $1.sum } / Double(count),
      minMs: merged.map(\.min).min(), maxMs: merged.map(\.max).max(),
      requestsPerSecond: Double(count) / span, failuresPerSecond: Double(failures) / span,
      percentiles: percentiles)
  }

  /// The error groups by label and message, sorted by name, method and message.
  private func errorRecords(
    _ errors: [RequestAccumulator.ErrorKey: RequestAccumulator.ErrorGroup], labels: [Merged]
  ) -> [ErrorRecord] {
    errors.map { key, group in
      let label = labels[Int(key.label)]
      return ErrorRecord(
        method: label.method, name: label.name, message: key.message, occurrences: group.count,
        firstSeen: Date(timeIntervalSince1970: Double(group.firstMs) / 1000),
        lastSeen: Date(timeIntervalSince1970: Double(group.lastMs) / 1000))
    }.sorted { ($0.name, $0.method, $0.message) < ($1.name, $1.method, $1.message) }
  }

  /// The transactions of all parts that started within `seconds`, merged by name, with exact R-7
  /// percentiles.
  package static func transactions(
    of chunks: [RequestAccumulator], seconds: ClosedRange<Int64> = Int64.min...Int64.max
  ) -> [EndpointStats] {
    var merged: [String: MergedTransaction] = [:]
    for chunk in chunks {
      for (index, name) in chunk.transactionLabels.names.enumerated() {
        let part = chunk.transactions[index]
        var total = merged[name] ?? MergedTransaction()
        total.values.reserveCapacity(total.values.count + Int(part.count))
        part.values.forEachValue(seconds: part.seconds) { value, low in
          let second = part.second(low)
          guard seconds.contains(second) else { return }
          total.count += 1
          total.sum += value
          total.firstSecond = Swift.min(total.firstSecond, second)
          total.lastSecond = Swift.max(total.lastSecond, second)
          total.values.append(value)
        }
        for (second, failures) in part.failuresBySecond where seconds.contains(second) {
          total.failures += failures
        }
        if total.count > 0 { merged[name] = total }
      }
    }
    return merged.keys.sorted().map { name in
      var transaction = merged.removeValue(forKey: name)!
      return transaction.stats(name: name)
    }
  }

  /// One transaction's samples from every part, for its figures.
  private struct MergedTransaction {
    var count: Int64 = 0
    var failures: Int64 = 0
    var sum: Double = 0
    var firstSecond = Int64.max
    var lastSecond = Int64.min
    var values: [Double] = []

    /// The figures; sorts the values in place.
    mutating func stats(name: String) -> EndpointStats {
      ExactPercentiles.sort(&values)
      let percentiles = values.withUnsafeBufferPointer { buffer in
        ExactPercentiles.reported.map {
          PercentileValue(quantile: $0, valueMs: ExactPercentiles.quantile(sorted: buffer, $0))
        }
      }
      let span = Double(lastSecond - firstSecond + 1)
      return EndpointStats(
        method: "", name: name, requests: count, failures: failures, medianMs: percentiles.first?.valueMs,
        averageMs: sum / Double(count), minMs: values.first, maxMs: values.last,
        requestsPerSecond: Double(count) / span, failuresPerSecond: Double(failures) / span,
        percentiles: percentiles)
    }
  }

  /// Keeps the `maximumLabels − 1` labels with the most requests (ties by name) and folds the
  /// rest, with what the parts already folded on intake, into one `(other)` label; nil when the
  /// run has no more labels than the cap.
  private static func foldRareLabels(
    _ merged: inout [Merged], errors: inout [RequestAccumulator.ErrorKey: RequestAccumulator.ErrorGroup],
    foldedOnIntake: Set<UInt64>
  ) -> (labels: Int, requests: Int64)? {
    let other = RequestAccumulator.otherLabel
    guard merged.count > RequestAccumulator.maximumLabels || !foldedOnIntake.isEmpty else { return nil }
    let ranked = merged.indices.filter { merged[$0].name != other }
      .sorted { a, b in
        (merged[b].count, merged[a].name, merged[a].method) < (
          merged[a].count, merged[b].name, merged[b].method
        )
      }
    let kept = Set(ranked.prefix(RequestAccumulator.maximumLabels - 1))
    // A name another part folded on intake but kept here has its own row: not counted as folded.
    var names = foldedOnIntake
    for index in kept { names.remove(ByteInterner.hash(of: merged[index].name)) }
    var result: [Merged] = []
    var remap = [Int32](repeating: -1, count: merged.count)
    var folded = Merged(name: other, method: "")
    for (index, label) in merged.enumerated() {
      if kept.contains(index) {
        remap[index] = Int32(result.count)
        result.append(label)
        continue
      }
      if label.name != other { names.insert(ByteInterner.hash(of: label.name)) }
      folded.count += label.count
      folded.failures += label.failures
      folded.sum += label.sum
      folded.min = Swift.min(folded.min, label.min)
      folded.max = Swift.max(folded.max, label.max)
      folded.firstSecond = Swift.min(folded.firstSecond, label.firstSecond)
      folded.lastSecond = Swift.max(folded.lastSecond, label.lastSecond)
      folded.parts += label.parts
    }
    let otherIndex = Int32(result.count)
    result.append(folded)
    var remapped: [RequestAccumulator.ErrorKey: RequestAccumulator.ErrorGroup] = [:]
    for (key, group) in errors {
      let target = remap[Int(key.label)]
      let newKey = RequestAccumulator.ErrorKey(label: target < 0 ? otherIndex : target, message: key.message)
      var total = remapped[newKey] ?? RequestAccumulator.ErrorGroup()
      total.merge(group)
      remapped[newKey] = total
    }
    errors = remapped
    merged = result
    return (names.count, folded.count)
  }
}
