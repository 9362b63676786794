import Foundation
import Testing

/// Runs the real binary on the real JMeter corpus files (copied into the library tests' fixtures)
/// and checks the report's counts against JMeter's own console summary (1101 and 1088 samples).
@Suite(.serialized) struct RawLogEndToEndTests {
  let fixtures = BinaryRunner.repository.appendingPathComponent("Tests/Fixtures/raw").path

  @Test func analyzeReportsJMeterRunsWithExactPercentiles() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run([
      "analyze", fixtures + "/jmeter_csv_results.jtl", fixtures + "/jmeter_xml_results.jtl", "-o", "report",
      "--db", "runs.sqlite",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("report/report.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let runs = try #require(document["runs"] as? [[String: Any]])
    let byRequests = runs.compactMap { run -> (Int, String, String)? in
      guard let requests = run["requests"] as? Int, let latency = run["latency_ms"] as? [String: Any],
        let method = latency["method"] as? String, let tool = run["tool"] as? String
      else { return nil }
      return (requests, method, tool)
    }.sorted { $0.0 < $1.0 }
    #expect(byRequests.map(\.0) == [1088, 1101])
    #expect(byRequests.allSatisfy { $0.1 == "exact-r7" && $0.2 == "jmeter" })
    let methods = try #require(document["methods"] as? [String])
    #expect(methods.contains { $0.contains("R-7") })
    let markdown = try String(contentsOfFile: runner.path("report/report.md"), encoding: .utf8)
    #expect(markdown.contains("60 row(s) set aside as sub-result"))
    // A redirected stderr gets no progress line: only the `wrote …` lines.
    #expect(
      result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("wrote ") }
        && !result.stderr.contains("\r"),
      "\(result.stderr)")
  }

  @Test func aGatlingBinaryLogIsAClearError() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    var bytes: [UInt8] = [0, 0, 0, 0, 6]
    bytes += Array("3.13.1".utf8) + [0, 0, 0, 0, 9] + Array("some.Class".utf8)
    FileManager.default.createFile(atPath: runner.path("simulation.log"), contents: Data(bytes))
    let result = try runner.run(["analyze", runner.path("simulation.log"), "--db", "runs.sqlite"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("binary simulation.log") && result.stderr.contains("3.12.1"))
    #expect(result.stderr.contains("simulation.log"))
  }
}
