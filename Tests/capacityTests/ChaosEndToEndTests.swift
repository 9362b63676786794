import Foundation
import Testing

/// Runs the built binary on two real chaos runs (Locust and JMeter 2.13, three faults each, end
/// events in the events file) and checks every fault row against the truth computed from the
/// per-request logs by `Fixtures/chaos/chaos_truth.py` (see the README there).
@Suite(.serialized) struct ChaosEndToEndTests {
  let fixtures = BinaryRunner.repository.appendingPathComponent("Tests/Fixtures/chaos").path

  /// Each fault row of `report.json`.
  private func chaosRows(_ arguments: [String], in runner: BinaryRunner) throws -> [[String: Any]] {
    let result = try runner.run(arguments)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("report/report.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let notes = document["chaos_notes"] as? [String] ?? []
    #expect(notes.contains { $0.contains("restart, unfreeze") }, "\(notes)")
    return try #require(document["chaos"] as? [[String: Any]])
  }

  private func truth(_ run: String) throws -> [[String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: fixtures + "/\(run)/_truth.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
  }

  private func compare(_ rows: [[String: Any]], _ truth: [[String: Any]], seconds tolerance: Double) {
    // Three faults: the unfreeze and restart rows closed their faults instead of being judged.
    #expect(rows.map { $0["action"] as? String } == ["kill", "freeze", "kill"])
    #expect(rows.map { $0["end_action"] as? String } == [nil, "unfreeze", "restart"])
    for (row, fault) in zip(rows, truth) {
      let name = "\(row["action"] ?? "") \(row["target"] ?? "")"
      let failed = row["failed_requests"] as? Int ?? -1
      let trueFailed = fault["failed"] as? Int ?? -100
      #expect(abs(failed - trueFailed) <= 2, "\(name): failed \(failed), truth \(trueFailed)")
      for (key, truthKey) in [("interruption_s", "interruption_s"), ("burst_s", "burst_s")] {
        let value = row[key] as? Double ?? -100
        let expected = fault[truthKey] as? Double ?? 100
        #expect(abs(value - expected) <= tolerance, "\(name): \(key) \(value), truth \(expected)")
      }
      #expect(row["pass"] as? Bool == fault["pass"] as? Bool, "\(name): verdict")
    }
  }

  @Test func locustFaultsMatchThePerRequestLog() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let rows = try chaosRows(
      [
        "analyze", fixtures + "/locust", "--events", fixtures + "/locust/events.csv", "-o", "report", "--db",
        "runs.sqlite",
      ], in: runner)
    compare(rows, try truth("locust"), seconds: 1.5)
    #expect(rows.allSatisfy { $0["resolution_s"] as? Double == 1 })
  }

  @Test func jmeterFaultsMatchThePerRequestLogAlsoFromTheStore() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let events = fixtures + "/jmeter/events.csv"
    let analyzed = try chaosRows(
      [
        "analyze", fixtures + "/jmeter/cf_jmeter.jtl", "--events", events, "-o", "report", "--db",
        "runs.sqlite",
      ],
      in: runner)
    compare(analyzed, try truth("jmeter"), seconds: 0.5)
    #expect(analyzed.allSatisfy { $0["resolution_s"] as? Double == 0.001 })
    // Re-rendered from the store, the per-request marks give the same figures.
    let stored = try chaosRows(
      ["report", "--all", "--events", events, "-o", "report", "--db", "runs.sqlite"], in: runner)
    #expect(stored.map { $0["failed_requests"] as? Int } == analyzed.map { $0["failed_requests"] as? Int })
    #expect(
      stored.map { $0["interruption_s"] as? Double } == analyzed.map { $0["interruption_s"] as? Double })
  }
}
