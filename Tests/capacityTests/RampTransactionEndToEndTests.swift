import Foundation
import Testing

/// The real binary on the real JMeter 2.13 ramp with a Transaction Controller: report.json carries
/// the ramp's bands as the saturation series and the transaction apart from the requests, with the
/// figures of DuckDB and of `Fixtures/ramps/truth_ramp.py`; an SLO file can gate on the transaction.
@Suite(.serialized) struct RampTransactionEndToEndTests {
  let fixtures = BinaryRunner.repository.appendingPathComponent("Tests/Fixtures/ramps").path

  @Test func analyzeReportsBandsAndTransactions() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let sloFile = runner.path("slo.yaml")
    try "objectives:\n  - {transaction: \"TC Checkout flow\", metric: p95_ms, max: 30000}\n"
      .write(toFile: sloFile, atomically: true, encoding: .utf8)
    let result = try runner.run([
      "analyze", fixtures + "/jmeter_ramp_tc.jtl", "-o", "report", "--db", "runs.sqlite", "--slo", sloFile,
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("report/report.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let run = try #require((document["runs"] as? [[String: Any]])?.first)
    #expect(run["requests"] as? Int == 2578)
    let transaction = try #require((run["transactions"] as? [[String: Any]])?.first)
    #expect(transaction["name"] as? String == "TC Checkout flow")
    #expect(transaction["requests"] as? Int == 248)
    #expect(transaction["failures"] as? Int == 69)
    let latency = try #require(transaction["latency_ms"] as? [String: Any])
    #expect(latency["p95"] as? Double == 28061.2)
    #expect(latency["p99"] as? Double == 30052.53)
    let steps = try #require(run["steps"] as? [[String: Any]])
    #expect(steps.count == 8)
    #expect(steps.first?["users_low"] as? Int == 14)
    #expect(steps.last?["users_high"] as? Int == 150)
    let saturation = try #require((document["saturation"] as? [[String: Any]])?.first)
    #expect((saturation["steps"] as? [[String: Any]])?.count == 8)
    let slo = try #require(document["slo"] as? [String: Any])
    let results = try #require(slo["results"] as? [[String: Any]])
    let gate = try #require(
      results.first { ($0["objective"] as? String)?.contains("TC Checkout flow") == true })
    #expect(gate["passed"] as? Bool == true)
  }
}
