import Foundation
import Testing

/// `capacity analyze` on the stepped corpus run: report.json's `saturation` and `slo` sections and
/// the HTML charts. Expected ranges come from the corpus README (knee between 60 and 80 users;
/// throughput stops growing at about 68 req/s from 150 users).
@Suite(.serialized) struct SaturationReportTests {
  let samples = BinaryRunner.repository.appendingPathComponent("samples").path

  @Test func steppedRunReportShowsFitSaturationPointAndCapacityAtSLO() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run([
      "analyze", samples + "/runs/stepped", "-o", "report", "--db", "runs.sqlite", "--step-min-seconds", "15",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let data = try Data(contentsOf: URL(fileURLWithPath: runner.path("report/report.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let series = try #require((document["saturation"] as? [[String: Any]])?.first)
    let point = try #require(series["saturation_point"] as? [String: Any])
    #expect(point["rule"] as? String == "p95_above_slo")
    #expect((60...80).contains(point["users"] as? Int ?? 0))
    let capacity = try #require(series["capacity_at_slo"] as? [String: Any])
    #expect((60...80).contains(capacity["users"] as? Double ?? 0))
    let usl = try #require(series["usl"] as? [String: Any])
    let xMax = try #require(usl["x_max_rps"] as? Double)
    #expect(xMax > 60 && xMax < 75)
    #expect((usl["sigma"] as? [String: Any])?["ci95_high"] != nil)
    #expect(series["forecast"] != nil)
    #expect(series["bottleneck"] as? String == "unknown — add resource samples")
    // --step-min-seconds 15 makes the 20 s steps long enough (README: 20 s each); the 10-user step
    // still has under 200 requests (~7 req/s), so 7 of 8 count.
    #expect(series["steady_steps"] as? Int == 7)
    let slo = try #require(document["slo"] as? [String: Any])
    #expect((slo["objectives"] as? [[String: Any]])?.count == 2)
    #expect((slo["results"] as? [[String: Any]])?.count == 2)
    let html = try String(contentsOfFile: runner.path("report/report.html"), encoding: .utf8)
    #expect(html.contains("aria-label=\"Throughput against users for stepped\""))
    #expect(html.contains("aria-label=\"p95 latency against users for stepped\""))
    #expect(html.contains("Capacity at the SLO"))
  }
}
