import CapacityIngest
import CapacityModel
import Foundation
import Testing

/// Raw request logs for tests: the fixtures in `Tests/…/Fixtures/raw`, runs built from a path or
/// from text, JMeter's console totals and the DuckDB anchors beside the generated files.
package enum RawLogs {
  package static func fixture(_ name: String) -> String {
    Corpus.path("Tests/Fixtures/raw/\(name)")
  }

  package static func run(path: String, budget: Int = RawLogRunBuilder.defaultExactBudget) throws -> Run {
    let files = try InputCollector().collect([path]).files
    return try #require(try RawLogRunBuilder(exactBudget: budget).build(files).first)
  }

  package static func run(text: String, path: String = "t.log") throws -> Run {
    let kind = try #require(InputKind.detect(head: Array(text.utf8.prefix(4096))))
    return try RawLogRunBuilder().build([InputFile(path: path, kind: kind, bytes: Array(text.utf8))])[0]
  }

  /// The summary of a JMeter CSV (`header` and its rows) parsed by `ChunkedParse` in `parts`
  /// parts, with `alongside` as the side task.
  package static func summaryInParts(
    _ text: String, parts: Int, alongside: (@Sendable () -> Void)? = nil
  ) throws -> RawRunSummarizer.Summary {
    let bytes = Array(text.utf8)
    let layout = try #require(JTLCSVLayout(firstLine: String(header.dropLast())))
    let parser = JTLCSVParser(layout: layout)
    return bytes.withUnsafeBytes { buffer in
      let shared = Unchecked(value: buffer)
      let chunks = ChunkedParse.run(
        bytes: buffer, start: header.utf8.count, parts: parts, minimumBytes: 0, alongside: alongside
      ) { start, limit in
        var accumulator = RequestAccumulator(exactBudget: 1 << 30)
        let stopped = parser.parse(
          shared.value, start: start, limit: limit, into: &accumulator, progress: nil)
        return (accumulator, stopped)
      }
      return RawRunSummarizer().summarize(chunks)
    }
  }

  /// The last `summary =` total JMeter printed on its console.
  package static func summaryTotal(_ console: String) throws -> Int64 {
    let text = try String(contentsOfFile: fixture(console), encoding: .utf8)
    let line = try #require(text.split(separator: "\n").last { $0.hasPrefix("summary =") })
    return try #require(Int64(line.dropFirst("summary =".count).split(separator: " ").first ?? ""))
  }

  package static func anchor(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: fixture(name)))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  package static let header =
    "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
    + "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n"
}
