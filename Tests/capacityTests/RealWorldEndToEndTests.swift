import Foundation
import Testing

/// Runs the built binary on files as users have them (real Debian JMeter 2.13 output with two
/// appended sessions, load generators to merge, a log without a countable request) and checks
/// `report.json` against `Fixtures/realworld/truth.json` (Python `csv` counts, see its README).
@Suite(.serialized) struct RealWorldEndToEndTests {
  let fixtures = BinaryRunner.repository.appendingPathComponent("Tests/Fixtures/realworld")
    .path

  func truth(_ key: String) throws -> [[String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: fixtures + "/truth.json"))
    let all = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [[String: Any]]])
    return try #require(all[key])
  }

  func report(_ runner: BinaryRunner) throws -> [[String: Any]] {
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("report/report.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    return try #require(document["runs"] as? [[String: Any]])
  }

  @Test func appendedSessionsBecomeOneRunEach() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run([
      "analyze", fixtures + "/sessions_pipe.jtl", "--session-gap", "60s", "-o", "report", "--db",
      "runs.sqlite",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let runs = try report(runner).sorted { ($0["name"] as? String ?? "") < ($1["name"] as? String ?? "") }
    let expected = try truth("sessions_pipe.jtl")
    #expect(runs.map { $0["name"] as? String } == ["sessions_pipe#1", "sessions_pipe#2"])
    #expect(runs.map { $0["requests"] as? Int } == expected.map { $0["requests"] as? Int })
    #expect(runs.map { $0["failures"] as? Int } == expected.map { $0["failures"] as? Int })
    #expect(runs.map { ($0["session"] as? [String: Any])?["index"] as? Int } == [1, 2])
    for (run, truth) in zip(runs, expected) {
      let p95 = try #require((run["latency_ms"] as? [String: Any])?["p95"] as? Double)
      #expect(abs(p95 - (truth["p95_ms"] as? Double ?? -1)) < 0.05)
    }
  }

  @Test func mergedGeneratorsReportTheirRequests() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run([
      "analyze", fixtures + "/engine_a.jtl", fixtures + "/engine_b.jtl", "--merge", "-o", "report", "--db",
      "runs.sqlite",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let runs = try report(runner)
    let expected = try #require(try truth("merged engine_a.jtl+engine_b.jtl").first)
    #expect(runs.count == 1)
    #expect(runs.first?["requests"] as? Int == expected["requests"] as? Int)
    let generators = try #require(runs.first?["generators"] as? [[String: Any]])
    let counts = try #require(expected["generators"] as? [String: Int])
    #expect(generators.map { $0["requests"] as? Int } == [counts["engine_a.jtl"], counts["engine_b.jtl"]])
  }

  @Test func nothingCountableExitsOneNamingTheFile() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let path = runner.path("broken.jtl")
    try "timeStamp,elapsed,label,success\nyesterday,soon,Home,true\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let result = try runner.run(["analyze", path, "-o", "report", "--db", "runs.sqlite"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("no countable request in \(path)"), "stderr: \(result.stderr)")
    let runs = try report(runner)
    #expect((runs.first?["validity"] as? [String: Any])?["verdict"] as? String == "INVALID")
  }

  @Test func aBadSessionGapIsAUsageError() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run(["analyze", fixtures + "/sessions_pipe.jtl", "--session-gap", "soon"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--session-gap"))
  }
}
