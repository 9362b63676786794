import CapacityKit
import Foundation

/// `capacity runs` output.
enum RunListFormatter {
  /// - Parameter filters: the filters given (`--tool k6`…), to say what matched nothing.
  static func table(_ runs: [StoredRun], filters: [String] = []) -> String {
    guard !runs.isEmpty else {
      if !filters.isEmpty { return "no runs match \(filters.joined(separator: " "))\n" }
      return "no runs stored yet; run 'capacity analyze PATH…' or 'capacity ingest PATH…'\n"
    }
    var lines = [
      "ID            NAME                      TOOL     STARTED (UTC)         REQUESTS  FAILURES  FILES"
    ]
    for run in runs {
      lines.append(
        [
          pad(String(run.id.prefix(12)), 13), pad(fit(run.name, 25), 25), pad(run.tool, 8),
          pad(run.startedAt.map(UTCTimestamp.format) ?? "–", 21),
          lpad(run.requests.map(NumberFormat.grouped) ?? "–", 9),
          lpad(run.failures.map(NumberFormat.grouped) ?? "–", 9),
          lpad(String(run.files), 6),
        ].joined(separator: " "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func json(_ runs: [StoredRun]) -> String {
    struct Entry: Encodable {
      var id, name, tool: String
      var startedAt: String?
      var ingestedAt: String
      var requests, failures: Int64?
      var files: Int
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let entries = runs.map {
      Entry(
        id: $0.id, name: $0.name, tool: $0.tool, startedAt: $0.startedAt.map(UTCTimestamp.format),
        ingestedAt: UTCTimestamp.format($0.ingestedAt), requests: $0.requests, failures: $0.failures,
        files: $0.files)
    }
    return String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
  }

  /// `text` cut to `width` characters with `…` in the middle, so a long name keeps its start and
  /// end and the columns after it stay in place.
  static func fit(_ text: String, _ width: Int) -> String {
    guard text.count > width, width >= 3 else { return text }
    let head = (width - 1) / 2
    return text.prefix(head) + "…" + text.suffix(width - 1 - head)
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  static func lpad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }
}
