import CapacityTestSupport
import Foundation
import Testing

/// `analyze --prometheus` end to end against the test's small HTTP server (synthetic answers: the
/// node busy at a constant 1.5 cores and 2 GiB), then `report` with the server gone.
@Suite struct PrometheusEndToEndTests {
  let light = BinaryRunner.repository.appendingPathComponent("samples/runs/light").path

  private func document(_ runner: BinaryRunner, _ folder: String) throws -> [String: Any] {
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("\(folder)/report.json")))
    return try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
  }

  @Test func fetchedSamplesAreStoredAndReportedOffline() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let server = try FakePrometheus()
    let analyze = [
      "analyze", light, "--prometheus", server.base("synth"), "--prom-scrape-interval", "5s", "--db",
      "runs.sqlite",
    ]
    let first = try runner.run(analyze + ["-o", "first"])
    #expect(first.status == 0, "stderr: \(first.stderr)")
    for name in ["process-cpu", "process-memory", "container-memory"] {
      #expect(first.stderr.contains("has no series for the default query \(name) "), "\(first.stderr)")
    }
    // The same run fetched again: the same answers, stored once.
    let second = try runner.run(analyze + ["-o", "second"])
    #expect(second.status == 0, "stderr: \(second.stderr)")
    server.stop()

    let offline = try runner.run(["report", "--all", "--db", "runs.sqlite", "-o", "offline"])
    #expect(offline.status == 0, "stderr: \(offline.stderr)")
    let document = try document(runner, "offline")
    let resources = try #require(document["resources"] as? [String: Any])
    let files = try #require(resources["files"] as? [[String: Any]])
    let paths = files.compactMap { $0["path"] as? String }.sorted()
    #expect(paths.count == 3, "\(paths)")
    for (path, name) in zip(paths, ["container-cpu", "node-cpu", "node-memory"]) {
      #expect(path.hasPrefix("\(server.base("synth")) \(name) "), "\(path)")
      #expect(path.contains(" step=5s: "), "\(path)")
    }
    #expect(files.allSatisfy { $0["kind"] as? String == "prometheus-query-range" })
    let methods = try #require(document["methods"] as? [String])
    #expect(methods.contains { $0.hasPrefix("Prometheus samples: fetched from \(server.base("synth"))") })
    // The server's constants: 1.5 cores = 1500 millicores, 2147483648 bytes.
    let run = try #require((resources["runs"] as? [[String: Any]])?.first)
    let node = (run["components"] as? [[String: Any]] ?? []).filter { $0["component"] as? String == "node" }
    #expect(node.first { $0["metric"] as? String == "cpu" }?["p50"] as? Double == 1500)
    #expect(node.first { $0["metric"] as? String == "memory" }?["max"] as? Double == 2_147_483_648)
    #expect(try self.document(runner, "first")["methods"] as? [String] == methods)
  }

  @Test func anUnreachableServerFailsNamingIt() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let server = try FakePrometheus()
    let base = server.base("synth").replacingOccurrences(of: "http://", with: "http://bob:hunter2@")
    server.stop()
    let result = try runner.run([
      "analyze", light, "--prometheus", base, "--prom-retries", "1", "--db", "runs.sqlite", "-o", "report",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("is unreachable (2 attempt(s))"), "\(result.stderr)")
    #expect(result.stderr.contains("http://bob:***@127.0.0.1:"), "\(result.stderr)")
    #expect(!result.stderr.contains("hunter2"))
  }

  @Test func queryFlagsNeedAServer() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run(["analyze", light, "--prom-query", "x=up", "--db", "runs.sqlite"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("need '--prometheus URL'"), "\(result.stderr)")
  }
}
