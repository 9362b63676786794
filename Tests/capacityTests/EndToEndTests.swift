import Foundation
import Testing

@testable import CapacityTestSupport

/// Runs the real binary on `samples/` and checks the report against figures taken by hand from
/// the Locust files (their `Aggregated` rows) and from the seed write-up's arithmetic.
@Suite(.serialized) struct EndToEndTests {
  let samples = BinaryRunner.repository.appendingPathComponent("samples").path

  private func analyzeSamples(_ runner: BinaryRunner) throws -> (BinaryRunner.Result, [String: Any]) {
    let result = try runner.run([
      "analyze", samples + "/runs", "--manifests", samples + "/k8s", "-o", "report", "--db", "runs.sqlite",
    ])
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("report/report.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    return (result, document)
  }

  /// The stepped sample's USL fit fails its forecast check (fit on the lighter half, it misses the
  /// heavier half by over 15 %): the text leaves N* out, so the chart must not draw it either.
  @Test func anUntrustedFitDrawsNoPeakLine() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let (result, document) = try analyzeSamples(runner)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let saturation = try #require(document["saturation"] as? [[String: Any]])
    let stepped = try #require(saturation.first { ($0["source"] as? String)?.contains("stepped") == true })
    let forecast = try #require(stepped["forecast"] as? [String: Any])
    #expect(forecast["trusted"] as? Bool == false)
    let html = try String(contentsOfFile: runner.path("report/report.html"), encoding: .utf8)
    #expect(html.contains("forecast check failed: no N*"))
    #expect(!html.contains(">N* "))
  }

  @Test func analyzeWritesTheThreeReportFilesWithTheRightNumbers() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let (result, document) = try analyzeSamples(runner)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    for name in ["report.html", "report.md", "report.json"] {
      let size =
        (try? FileManager.default.attributesOfItem(atPath: runner.path("report/\(name)"))[.size] as? Int) ?? 0
      #expect(size > 1000, "\(name) is missing or tiny")
    }
    #expect(document["schema"] as? String == "capacity-report/1")
    #expect((document["answer"] as? String)?.hasPrefix("Buy vps-8gb (4 CPU, 8Gi) as the minimum") == true)

    let footprint = try #require(document["footprint"] as? [String: Any])
    #expect(footprint["cpu_millicores"] as? Int == 3350)
    #expect(footprint["memory_bytes"] as? Int == 4_831_838_208)

    let profiles = try #require(document["profiles"] as? [[String: Any]])
    let table = profiles.map { profile in
      "\(profile["name"] as? String ?? "?") \((profile["cpu_requests_pct"] as? Double) ?? -1) "
        + "\((profile["memory_requests_pct"] as? Double) ?? -1) \(profile["verdict"] as? String ?? "?")"
    }
    #expect(
      table == [
        "vps-4gb 167.5 112.5 NOT RECOMMENDED", "vps-6gb 111.7 75.0 NOT RECOMMENDED",
        "vps-8gb 83.8 56.3 MINIMUM",
      ])

    let runs = try #require(document["runs"] as? [[String: Any]])
    func run(_ name: String) -> [String: Any]? { runs.first { $0["name"] as? String == name } }
    func verdict(_ name: String) -> String? {
      (run(name)?["validity"] as? [String: Any])?["verdict"] as? String
    }
    #expect(runs.count == 6)
    // Aggregated rows: light 771/0, medium 1830/0, stress 4164/0, stepped 6657/0, invalid 395/395.
    for (name, requests, failures) in [
      ("light", 771, 0), ("medium", 1830, 0), ("stress", 4164, 0), ("stepped", 6657, 0),
      ("invalid", 395, 395), ("broken", 182, 182),
    ] {
      #expect(run(name)?["requests"] as? Int == requests, "\(name)")
      #expect(run(name)?["failures"] as? Int == failures, "\(name)")
    }
    #expect(verdict("light") == "VALID")
    #expect(verdict("invalid") == "INVALID")
    #expect(verdict("broken") == "INVALID")
    let brokenReasons = (run("broken")?["validity"] as? [String: Any])?["reasons"] as? [String]
    #expect(brokenReasons?.first?.hasPrefix("infrastructure:") == true)
    #expect(run("broken")?["excluded_from_answer"] as? Bool == true)
    let lightLatency = try #require(run("light")?["latency_ms"] as? [String: Any])
    #expect(lightLatency["p95"] as? Int == 190)
    #expect(lightLatency["p99"] as? Int == 350)
    #expect(lightLatency["method"] as? String == "locust-buckets")
    #expect(run("stress")?["rps"] as? Double == 70.27)
  }

  /// The Markdown footprint's Total row puts each total under its own column; the totals are the
  /// seed write-up's sums of the manifests (3350m CPU; 4.5 GiB = 4608Mi memory).
  @Test func markdownFootprintTotalsSitUnderTheirColumns() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let (result, _) = try analyzeSamples(runner)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let markdown = try String(contentsOfFile: runner.path("report/report.md"), encoding: .utf8)
    let lines = markdown.split(separator: "\n").map(String.init)
    let header = try #require(lines.first { $0.hasPrefix("| Component | Kind | Replicas |") })
    let total = try #require(lines.first { $0.hasPrefix("| **Total** |") })
    func cells(_ row: String) -> [String] {
      row.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
    }
    let columns = cells(header)
    let values = cells(total)
    #expect(values.count == columns.count)
    let cpu = try #require(columns.firstIndex(of: "CPU total"))
    let memory = try #require(columns.firstIndex(of: "Memory total"))
    #expect(values[cpu] == "3350m")
    #expect(values[memory] == "4608Mi")
  }

  @Test func analyzingTheSameFilesTwiceStoresEachRunOnce() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    _ = try analyzeSamples(runner)
    let (second, _) = try analyzeSamples(runner)
    #expect(second.status == 0)
    #expect(second.stderr.contains("already stored, reused"))
    let listed = try runner.run(["runs", "--db", "runs.sqlite", "--json"])
    let runs = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    #expect(runs.count == 6)
    #expect(Set(runs.compactMap { $0["name"] as? String }).count == 6)
  }

  @Test func pipedOutputHasNoColour() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let (result, _) = try analyzeSamples(runner)
    #expect(!result.stdout.contains("\u{1B}["))
    #expect(result.stdout.contains("INVALID"))
  }

  @Test func anExplicitUnsupportedFileIsAnErrorNamingIt() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    try "hello\n".write(toFile: runner.path("notes.txt"), atomically: true, encoding: .utf8)
    let result = try runner.run(["analyze", "notes.txt", "--db", "x.sqlite"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("'notes.txt' is not a supported input"))
    #expect(!FileManager.default.fileExists(atPath: runner.path("capacity-report/report.html")))
  }

  @Test func aMissingPathIsAnError() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run(["analyze", "nope/*.csv", "--db", "x.sqlite"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("'nope/*.csv' does not exist"))
  }

  /// The report is made while the runs are written, but written only once they are stored: a
  /// store that cannot take them (a table dropped from under it) fails the command, leaves no
  /// report and no part of a run.
  @Test func aFailedStoreWriteLeavesNoReportAndNoRun() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    #expect(try runner.run(["runs", "--db", "x.sqlite"]).status == 0)
    _ = try StoreBackend.query(runner.path("x.sqlite"), "DROP TABLE timeline_point")
    let result = try runner.run([
      "analyze", BinaryRunner.repository.appendingPathComponent("samples/runs").path, "--db", "x.sqlite",
      "-o", "out",
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("timeline_point"))
    #expect(!FileManager.default.fileExists(atPath: runner.path("out/report.json")))
    #expect(try StoreBackend.query(runner.path("x.sqlite"), "SELECT COUNT(*) FROM run") == "0")
  }

  @Test func aBadQuantityNamesTheFileAndValue() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let manifest = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
            containers:
              - name: web
                resources: {requests: {cpu: 1K, memory: 1Gi}}
      """
    try manifest.write(toFile: runner.path("bad.yaml"), atomically: true, encoding: .utf8)
    let result = try runner.run(["plan", "--manifests", "bad.yaml"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("bad.yaml"))
    #expect(result.stderr.contains("1K"))
  }

  @Test func planStrictExitsTwoWhenNothingIsRecommended() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run(["plan", "--manifests", samples + "/k8s", "--strict"])
    #expect(result.status == 2)
    #expect(result.stdout.contains("vps-8gb    cpu 83.8 %  memory 56.3 %  MINIMUM"))
  }

  @Test func usageErrorsExitSixtyFour() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    #expect(try runner.run(["plan"]).status == 64)
    #expect(try runner.run(["analyze", "x", "--slo-errors", "150"]).status == 64)
  }

  @Test func templatesExportWritesTheDefaults() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run(["templates", "export", "tpl"])
    #expect(result.status == 0)
    let exported = try String(contentsOfFile: runner.path("tpl/report.html.mustache"), encoding: .utf8)
    let original = try String(
      contentsOf: BinaryRunner.repository.appendingPathComponent("templates/report.html.mustache"),
      encoding: .utf8)
    #expect(exported == original)
    #expect(try runner.run(["templates", "export", "tpl"]).status != 0)
  }
}

/// The history features: re-rendering from the store, trends, filters, compare.
@Suite(.serialized) struct HistoryEndToEndTests {
  let runs = BinaryRunner.repository.appendingPathComponent("samples/runs").path

  @Test func reportFromTheStoreAloneEqualsTheAnalyzeReport() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    try FileManager.default.copyItem(atPath: runs + "/light", toPath: runner.path("light"))
    try FileManager.default.copyItem(atPath: runs + "/invalid", toPath: runner.path("invalid"))
    #expect(try runner.run(["analyze", "light", "invalid", "-o", "first", "--db", "h.sqlite"]).status == 0)
    try FileManager.default.removeItem(atPath: runner.path("light"))
    try FileManager.default.removeItem(atPath: runner.path("invalid"))
    let again = try runner.run(["report", "light", "invalid", "-o", "second", "--db", "h.sqlite"])
    #expect(again.status == 0, "\(again.stderr)")
    let first = try String(contentsOfFile: runner.path("first/report.json"), encoding: .utf8)
    let second = try String(contentsOfFile: runner.path("second/report.json"), encoding: .utf8)
    #expect(first == second)
  }

  @Test func aScenarioRunTwiceShowsItsTrend() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    try FileManager.default.createDirectory(atPath: runner.path("day2"), withIntermediateDirectories: true)
    // The same scenario on another day: the stats file with the last endpoint row dropped.
    let stats = try String(contentsOfFile: runs + "/light/light_stats.csv", encoding: .utf8)
    try stats.write(toFile: runner.path("day2/light_stats.csv"), atomically: true, encoding: .utf8)
    try (stats + "\n").write(toFile: runner.path("light_stats.csv"), atomically: true, encoding: .utf8)
    #expect(try runner.run(["ingest", "light_stats.csv", "--db", "t.sqlite"]).status == 0)
    #expect(try runner.run(["analyze", "day2", "-o", "r", "--db", "t.sqlite"]).status == 0)
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("r/report.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let trends = try #require(document["trends"] as? [[String: Any]])
    #expect(trends.first?["scenario"] as? String == "light")
    #expect((trends.first?["points"] as? [Any])?.count == 2)
    let html = try String(contentsOfFile: runner.path("r/report.html"), encoding: .utf8)
    #expect(html.contains("class=\"sparkline\""))
  }

  @Test func runsCanBeFiltered() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    #expect(try runner.run(["ingest", runs, "--db", "f.sqlite"]).status == 0)
    let light = try runner.run(["runs", "--db", "f.sqlite", "--scenario", "LIGHT", "--json"])
    let listed = try #require(
      try JSONSerialization.jsonObject(with: Data(light.stdout.utf8)) as? [[String: Any]])
    #expect(listed.map { $0["name"] as? String } == ["light"])
    let late = try runner.run(["runs", "--db", "f.sqlite", "--since", "2026-11-29T02:20:00Z", "--json"])
    let lateRuns = try #require(
      try JSONSerialization.jsonObject(with: Data(late.stdout.utf8)) as? [[String: Any]])
    // Only the invalid run (02:25) started after 02:20; the broken sample has no start time.
    #expect(lateRuns.map { $0["name"] as? String } == ["invalid"])
    #expect(try runner.run(["runs", "--db", "f.sqlite", "--since", "last week"]).status == 64)
  }

  @Test func compareExitsTwoOnARegressionAndZeroOtherwise() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let same = try runner.run([
      "compare", runs + "/medium", runs + "/medium", "--db", "c.sqlite", "--format", "json",
    ])
    #expect(same.status == 0, "\(same.stderr)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(same.stdout.utf8)) as? [String: Any])
    #expect(document["verdict"] as? String == "no significant change")
    // light (20 users, p95 ~180 ms) against medium (50 users, p95 ~550 ms): latency regressed.
    let worse = try runner.run(["compare", runs + "/light", "medium", "--db", "c.sqlite"])
    #expect(worse.status == 2, "\(worse.stderr)")
    #expect(worse.stdout.hasPrefix("# Run comparison: **regression**"))
  }
}

/// Raw request logs through the binary: the exact-percentile budget and the set-aside rows.
@Suite struct RawLogOptionsEndToEndTests {
  let fixtures = BinaryRunner.repository.appendingPathComponent("Tests/Fixtures/raw")

  private func run(_ file: String, _ extra: [String] = []) throws -> [String: Any] {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run(
      ["analyze", fixtures.appendingPathComponent(file).path, "-o", "r", "--db", "r.sqlite"] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("r/report.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    return try #require((document["runs"] as? [[String: Any]])?.first)
  }

  @Test func percentilesFallBackToHDRBeyondTheBudget() throws {
    let exact = try run("jmeter_csv_results.jtl")
    let sketched = try run("jmeter_csv_results.jtl", ["--exact-budget", "100"])
    #expect((exact["latency_ms"] as? [String: Any])?["method"] as? String == "exact-r7")
    #expect((sketched["latency_ms"] as? [String: Any])?["method"] as? String == "hdr-3")
    // Both agree within the histogram's 3 significant digits.
    let p95 = try #require((exact["latency_ms"] as? [String: Any])?["p95"] as? Double)
    let sketchedP95 = try #require((sketched["latency_ms"] as? [String: Any])?["p95"] as? Double)
    #expect(abs(p95 - sketchedP95) <= p95 * 0.002 + 1)
  }

  @Test func rawLogsAreComparedOnWindowPercentiles() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    // Two runs of one JMeter plan (CSV and XML output): about the same load, so no regression.
    let result = try runner.run([
      "compare", fixtures.appendingPathComponent("jmeter_csv_results.jtl").path,
      fixtures.appendingPathComponent("jmeter_xml_results.jtl").path, "--db", "c.sqlite", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let metrics = try #require(document["metrics"] as? [[String: Any]])
    #expect(Set(metrics.compactMap { $0["metric"] as? String }) == ["p50_ms", "p95_ms", "throughput_rps"])
    #expect(document["verdict"] as? String != "regression")
  }

  @Test func nestedRedirectSamplesAreSetAsideAndReported() throws {
    // JMeter 2.13 XML: 1088 samples in its summary line, plus 60 nested redirect sub-samples.
    let run = try run("jmeter_xml_results.jtl")
    #expect(run["requests"] as? Int == 1088)
    let setAside = try #require(run["set_aside"] as? [[String: Any]])
    #expect(setAside.first?["reason"] as? String == "sub-result")
    #expect(setAside.first?["count"] as? Int == 60)
  }
}

/// Hostile and broken inputs: a message or a counted warning, never a crash, hang or partial run.
@Suite struct HostileInputEndToEndTests {
  @Test func anEntityBombStopsWithAWarning() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    var entities = "<!ENTITY lol0 \"lol\">"
    for level in 1...9 {
      entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
    }
    let document = """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [\(entities)]>
      <testResults version="1.2">
      <httpSample t="5" ts="1717000000123" s="true" lb="&lol9;" rc="200"/>
      </testResults>

      """
    try document.write(toFile: runner.path("bomb.jtl"), atomically: true, encoding: .utf8)
    let result = try runner.run(["analyze", "bomb.jtl", "--db", "b.sqlite", "-o", "r"])
    // Nothing countable and no deployment: the report is written and the exit status says so.
    #expect(result.status == 1)
    #expect(result.stderr.contains("no countable request in bomb.jtl"))
    // The sample using the entity is on line 4: the reader's own line, not the locator's.
    #expect(result.stderr.contains("bomb.jtl:4: warning:"))
    let json = try String(contentsOfFile: runner.path("r/report.json"), encoding: .utf8)
    #expect(!json.contains("lollollol"))
  }

  @Test func anExternalEntityIsNeverRead() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let document = """
      <?xml version="1.0"?>
      <!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
      <testResults version="1.2">
      <httpSample t="5" ts="1717000000123" s="true" lb="&xxe;" rc="200"/>
      </testResults>

      """
    try document.write(toFile: runner.path("xxe.jtl"), atomically: true, encoding: .utf8)
    let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(
      in: .whitespacesAndNewlines)
    let result = try runner.run(["analyze", "xxe.jtl", "--db", "x.sqlite", "-o", "r"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("no countable request in xxe.jtl"))
    let json = try String(contentsOfFile: runner.path("r/report.json"), encoding: .utf8)
    if let hostname, hostname.count > 3 { #expect(!json.contains(hostname)) }
    #expect(result.stderr.contains("external entity"))
  }

  @Test func anEmptyOrHeaderOnlyStatsFileIsReportedNotCrashed() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    try "".write(toFile: runner.path("empty_stats.csv"), atomically: true, encoding: .utf8)
    let empty = try runner.run(["analyze", "empty_stats.csv", "--db", "e.sqlite"])
    #expect(empty.status == 1)
    #expect(empty.stderr.contains("'empty_stats.csv' is empty"))
    try "Type,Name,Request Count,Failure Count\n".write(
      toFile: runner.path("x_stats.csv"), atomically: true, encoding: .utf8)
    let header = try runner.run(["analyze", "x_stats.csv", "--db", "e.sqlite", "-o", "r"])
    #expect(header.status == 1)
    #expect(header.stderr.contains("no countable request in x_stats.csv"))
    #expect(header.stdout.contains("INVALID"))
    // Nothing of the failed invocation was stored; the header-only run was.
    let listed = try runner.run(["runs", "--db", "e.sqlite", "--json"])
    #expect((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [Any])?.count == 1)
  }
}
