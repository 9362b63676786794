import Foundation
import Testing

/// The binary's status codes and time to first byte / connect time on the real chaos JTL, against
/// `scripts/codes-truth/codes-truth.py` (DuckDB) over the same file, through the store and back;
/// a Locust run says in one line that it has no codes.
@Suite(.serialized) struct StatusCodesEndToEndTests {
  let fixtures = BinaryRunner.repository.appendingPathComponent("Tests/Fixtures/raw").path

  @Test func reportJSONCarriesTheTruthsFigures() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let ingest = try runner.run(["ingest", fixtures + "/jmeter_chaos_codes.jtl", "--db", "runs.sqlite"])
    #expect(ingest.status == 0, "stderr: \(ingest.stderr)")
    let result = try runner.run(["report", "--all", "-o", "report", "--db", "runs.sqlite"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("report/report.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let run = try #require((document["runs"] as? [[String: Any]])?.first)
    let truthData = try Data(contentsOf: URL(fileURLWithPath: fixtures + "/jmeter_chaos_codes.truth.json"))
    let truth = try #require(try JSONSerialization.jsonObject(with: truthData) as? [String: Any])
    let codes = try #require(run["status_codes"] as? [String: Int])
    let expected = try #require(truth["status_codes"] as? [String: Int])
    for key in ["1xx", "2xx", "3xx", "4xx", "5xx", "no_response"] {
      #expect(codes[key] == (expected[key] ?? 0), "\(key)")
    }
    #expect(codes["window_s"] == 5)
    #expect(codes["ok"] == nil && codes["ko"] == nil)
    for (key, truthKey) in [("time_to_first_byte_ms", "latency"), ("connect_ms", "connect")] {
      let shown = try #require(run[key] as? [String: Any], "\(key)")
      let want = try #require(truth[truthKey] as? [String: Any])
      for quantile in ["p50", "p95", "p99"] {
        let value = try #require(want[quantile] as? Double)
        #expect(shown[quantile] as? Double == (value * 100).rounded() / 100, "\(key) \(quantile)")
      }
      #expect(shown["method"] as? String == "exact-r7")
      #expect(shown["requests"] as? Int == truth["requests"] as? Int)
    }
    let markdown = try String(contentsOfFile: runner.path("report/report.md"), encoding: .utf8)
    #expect(markdown.contains("| no response | 136 | 9.11 % |"))
    #expect(
      markdown.contains("Time to first byte (JMeter Latency column): p50 24 ms, p95 584 ms, p99 1079 ms"))
    let html = try String(contentsOfFile: runner.path("report/report.html"), encoding: .utf8)
    #expect(html.contains("-status-codes\"><figcaption"))
    #expect(
      html.contains(
        "aria-label=\"Requests per second by status class over time (5 s windows) for jmeter_chaos_codes\""))
    #expect(html.contains("-timings\"><figcaption"))
  }

  @Test func locustAndMissingColumnsSayWhyInOneLine() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run([
      "analyze", BinaryRunner.repository.appendingPathComponent("samples/runs/light").path,
      fixtures + "/jmeter_csv_results.jtl", "-o", "report", "--db", "runs.sqlite",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let markdown = try String(contentsOfFile: runner.path("report/report.md"), encoding: .utf8)
    #expect(
      markdown.contains(
        "_Status codes per second: not shown, Locust's CSVs carry no per-request status codes._"))
    #expect(markdown.contains("Connect time: not shown, the file had no JMeter Connect column."))
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("report/report.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let runs = try #require(document["runs"] as? [[String: Any]])
    let locust = try #require(runs.first { $0["tool"] as? String == "locust" })
    #expect(locust["status_codes"] == nil && locust["time_to_first_byte_ms"] == nil)
    let jmeter = try #require(runs.first { $0["tool"] as? String == "jmeter" })
    #expect(jmeter["connect_ms"] == nil && jmeter["time_to_first_byte_ms"] != nil)
  }
}
