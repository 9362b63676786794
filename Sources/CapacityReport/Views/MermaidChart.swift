import CapacityModel
import Foundation

/// Mermaid `xychart-beta` blocks for the Markdown report (GitHub renders them): throughput and
/// p95 over a run's time, and the saturation curve. Numbers are POSIX-formatted, one decimal below
/// 100 and whole from 100 up (so 40 points of 5-digit latencies stay under 300 characters); one y
/// axis per block, because an xychart has only one.
package struct MermaidChart: Sendable {
  /// Buckets drawn at most: a longer run is cut into this many equal stretches of whole seconds.
  package static let maximumPoints = 40

  package init() {}

  /// req/s (mean of the ticks in each stretch) and, when the history has windowed percentiles, p95
  /// (the highest window p95 in each stretch) against seconds since the run's first tick.
  package func timeline(_ points: [TimelinePoint], kind: HistoryKind, name: String) -> [String] {
    guard let first = points.first?.timestamp, let last = points.last?.timestamp, last > first else {
      return []
    }
    let span = last - first
    let step = max(1, (span + Int64(Self.maximumPoints) - 1) / Int64(Self.maximumPoints))
    var buckets: [Int64: [TimelinePoint]] = [:]
    for point in points { buckets[(point.timestamp - first) / step, default: []].append(point) }
    let keys = buckets.keys.sorted()
    let rps = keys.map { key -> Double in
      let group = buckets[key] ?? []
      return group.map(\.requestsPerSecond).reduce(0, +) / Double(max(1, group.count))
    }
    let axis =
      "x-axis \"seconds since \(UTCTimestamp.format(Date(timeIntervalSince1970: Double(first))))\" 0 --> \(span)"
    var blocks = [
      block(title: "\(name): throughput (req/s)", axis: axis, yLabel: "req/s", series: rps)
    ]
    let p95 = keys.map { key in (buckets[key] ?? []).compactMap { $0.windowed(0.95, in: kind) }.max() }
    if p95.allSatisfy({ $0 != nil }), !p95.isEmpty {
      blocks.append(
        block(title: "\(name): p95 per window (ms)", axis: axis, yLabel: "ms", series: p95.compactMap { $0 }))
    }
    return blocks
  }

  /// req/s and p95 against the users of each step (every k-th step of a series longer than
  /// `maximumPoints`, the last always kept).
  package func saturation(_ entry: ReportDocument.SaturationEntry) -> [String] {
    guard entry.steps.count >= 2 else { return [] }
    let every = (entry.steps.count + Self.maximumPoints - 1) / Self.maximumPoints
    let steps = entry.steps.indices.filter { $0 % every == 0 || $0 == entry.steps.count - 1 }.map {
      entry.steps[$0]
    }
    let axis = "x-axis \"users\" [" + steps.map { "\"\($0.users)\"" }.joined(separator: ", ") + "]"
    var blocks = [
      block(
        title: "\(entry.source): throughput by users (req/s)", axis: axis, yLabel: "req/s",
        series: steps.map(\.rps))
    ]
    let p95 = steps.compactMap(\.p95Ms)
    if p95.count == steps.count {
      blocks.append(block(title: "\(entry.source): p95 by users (ms)", axis: axis, yLabel: "ms", series: p95))
    }
    return blocks
  }

  private func block(title: String, axis: String, yLabel: String, series: [Double]) -> String {
    let top = max(1, ((series.max() ?? 0) * 1.1).rounded(.up))
    return [
      "```mermaid", "xychart-beta", "  title \"\(Self.quoted(title))\"", "  \(axis)",
      "  y-axis \"\(yLabel)\" 0 --> \(NumberFormat.decimal(top, places: 0))",
      "  line ["
        + series.map { NumberFormat.decimal($0, places: abs($0) < 100 ? 1 : 0) }.joined(separator: ", ")
        + "]", "```",
    ].joined(separator: "\n")
  }

  /// A title inside Mermaid's double quotes: quotes and backticks dropped, so the block stays one string.
  private static func quoted(_ text: String) -> String {
    String(text.filter { $0 != "\"" && $0 != "`" && !$0.isNewline })
  }
}
