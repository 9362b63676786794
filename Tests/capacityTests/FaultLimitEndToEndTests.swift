import Foundation
import Testing

/// A fault log far longer than a reader can take in: the HTML and Markdown reports list the first
/// 200 faults and chart the first 40, say so, and report.json keeps every fault.
@Suite struct FaultLimitEndToEndTests {
  /// 1 200 requests a second apart (every 50th refused) and `faults` kills spread evenly over them.
  private func write(faults: Int, in runner: BinaryRunner) throws {
    let base: Int64 = 1_764_576_000_000
    var log =
      "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
      + "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n"
    for index in 0..<1_200 {
      let ok = index % 50 != 0
      log +=
        "\(base + Int64(index) * 1_000),\(10 + index % 40),GET /,\(ok ? 200 : 503),\(ok ? "OK" : "Down"),"
        + "T 1-1,text,\(ok),,100,100,10,10,http://x/,1,0,1\n"
    }
    try log.write(toFile: runner.path("run.jtl"), atomically: true, encoding: .utf8)
    var events = "time,action,target\n"
    for index in 0..<faults {
      events += "\((Double(base) + Double(index) * 1_200_000 / Double(faults)) / 1000),kill,web\n"
    }
    try events.write(toFile: runner.path("events.csv"), atomically: true, encoding: .utf8)
  }

  @Test func reportsListTwoHundredFaultsChartFortyAndKeepAllInJSON() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    try write(faults: 300, in: runner)
    let result = try runner.run([
      "analyze", "run.jtl", "--events", "events.csv", "-o", "report", "--db", "runs.sqlite",
    ])
    #expect(result.status != 64, "stderr: \(result.stderr)")
    let markdown = try String(contentsOfFile: runner.path("report/report.md"), encoding: .utf8)
    let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| run | ") && $0.contains("kill web") }
    #expect(rows.count == 200)
    let note = "300 faults: the first 200 are listed and the first 40 charted here; report.json has all 300."
    #expect(markdown.contains(note))
    let html = try String(contentsOfFile: runner.path("report/report.html"), encoding: .utf8)
    #expect(html.contains(note))
    #expect(html.components(separatedBy: "aria-label=\"Successes, failures and p95 around").count - 1 == 40)
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("report/report.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    #expect((document["chaos"] as? [Any])?.count == 300)
  }
}
