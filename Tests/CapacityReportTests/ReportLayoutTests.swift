import Foundation
import Testing

@testable import CapacityModel
@testable import CapacityReport

/// `--path-style`, the Markdown line wrapper and the Mermaid blocks, on hand-made inputs whose
/// answers are written out here.
@Suite struct ReportLayoutTests {
  @Test func pathStylesNameTheSameFile() {
    let cwd = "/home/ana/work"
    #expect(
      PathStyle.relative.display("/home/ana/work/runs/a_stats.csv", relativeTo: cwd) == "runs/a_stats.csv")
    #expect(PathStyle.relative.display("/home/ana/corpus/x.jtl", relativeTo: cwd) == "../corpus/x.jtl")
    #expect(PathStyle.relative.display("runs/./b/../a.csv", relativeTo: cwd) == "runs/a.csv")
    #expect(PathStyle.relative.display("/home/ana/work", relativeTo: cwd) == ".")
    #expect(PathStyle.absolute.display("runs/a.csv", relativeTo: cwd) == "/home/ana/work/runs/a.csv")
    #expect(PathStyle.basename.display("/home/ana/work/runs/a.csv", relativeTo: cwd) == "a.csv")
    #expect(PathStyle.relative.display("", relativeTo: cwd) == "")
  }

  /// Paths are replaced where they are whole (in warnings too), never inside a longer path or name.
  @Test func documentPathsAreRewrittenWholeOnly() throws {
    let document = ReportDocument(
      answer: "Buy vps-4gb.",
      evidence: ["see /home/ana/work/notes.txt:3: bad row; /home/ana/work/notes.txt.bak stays whole"],
      slo: .init(p95Ms: 500, errorRate: 0.01), runs: [], footprint: nil, profiles: [], methods: [],
      skippedFiles: ["/home/ana/work/notes.txt", "/home/ana/work/notes.txt.bak"], chaos: [], trends: [])
    let styled = document.withPaths(.relative, relativeTo: "/home/ana/work")
    #expect(styled.skippedFiles == ["notes.txt", "notes.txt.bak"])
    #expect(styled.evidence == ["see notes.txt:3: bad row; notes.txt.bak stays whole"])
    #expect(styled.answer == document.answer)
    let json = ReportRenderer.json(styled)
    #expect(!json.contains("/home/ana"))
    // The renderer restyles the paths itself (while it parses the templates): the same files.
    let renderer = try ReportRenderer()
    let (returned, output) = try renderer.render(document, paths: .relative, relativeTo: "/home/ana/work")
    #expect(returned.skippedFiles == styled.skippedFiles && returned.evidence == styled.evidence)
    let expected = try renderer.render(styled)
    #expect(output.json == expected.json && output.html == expected.html)
    #expect(output.markdown == expected.markdown && output.json == json)
  }

  @Test func longProseWrapsAndTablesStay() {
    let words = Array(repeating: "word", count: 60).joined(separator: " ")
    let table = "| " + Array(repeating: "cell", count: 40).joined(separator: " | ") + " |"
    let text = ["- " + words + " - 12. #tag", table, "```mermaid", "  line [" + words + "]", "```", words]
      .joined(
        separator: "\n")
    let wrapped = MarkdownLineWrapper().wrap(text).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(wrapped.contains { $0 == Substring(table) })
    #expect(wrapped.contains { $0 == Substring("  line [" + words + "]") })
    let prose = wrapped.filter { !$0.hasPrefix("|") && !$0.hasPrefix("  line") && !$0.hasPrefix("```") }
    #expect(prose.allSatisfy { $0.count <= 100 }, "\(prose.map(\.count))")
    // A continuation line of the list item is indented, and none starts a new block.
    let continuation = prose.dropFirst().prefix { $0.hasPrefix("  ") }
    #expect(!continuation.isEmpty)
    #expect(
      prose.dropFirst().allSatisfy { line in
        !["-", "#", "12.", "*", ">", "|"].contains { line.trimmingCharacters(in: .whitespaces).hasPrefix($0) }
      })
    // Joined back with spaces, the words are the same.
    #expect(
      prose.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == "- " + words
        + " - 12. #tag " + words)
  }

  /// 100 one-second ticks in stretches of 3 s (⌈99 / 40⌉): 34 points (the last holds second 99
  /// alone); req/s is the stretch's mean.
  @Test func mermaidTimelineBuckets() throws {
    let points = (0..<100).map { second in
      TimelinePoint(
        timestamp: 1_700_000_000 + Int64(second), users: 10, requestsPerSecond: Double(second),
        failuresPerSecond: 0, percentiles: [PercentileValue(quantile: 0.95, valueMs: Double(second * 2))],
        totalRequests: Int64(second), totalFailures: 0)
    }
    let blocks = MermaidChart().timeline(points, kind: .currentWindow, name: "run \"a\"")
    #expect(blocks.count == 2)
    let rps = try #require(blocks.first)
    #expect(rps.contains("xychart-beta"))
    #expect(rps.contains("title \"run a: throughput (req/s)\""))
    #expect(rps.contains("x-axis \"seconds since 2023-11-14T22:13:20Z\" 0 --> 99"))
    #expect(rps.contains("line [1.0, 4.0, 7.0,"))
    #expect(rps.contains(", 97.0, 99.0]"))
    #expect(rps.contains("y-axis \"req/s\" 0 --> 109"))
    // p95: the highest window value of each stretch (2 × its last second).
    #expect(blocks[1].contains("line [4.0, 10.0, 16.0,"))
    #expect(MermaidChart().timeline(Array(points.prefix(1)), kind: .currentWindow, name: "one").isEmpty)
  }
}
