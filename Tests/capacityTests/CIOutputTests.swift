import Foundation
import Testing

/// `capacity check` as a CI job runs it: GitHub annotations and the job summary, GitLab's metrics
/// report and JUnit, JSON; the exit statuses stay 0 / 2 / 1 / 64.
@Suite(.serialized) struct CIOutputTests {
  let samples = BinaryRunner.repository.appendingPathComponent("samples").path

  /// Reverses the runner's unescaping (actions/toolkit command.ts) on a property or message.
  private func unescape(_ text: Substring) -> String {
    text.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
      .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
      .replacingOccurrences(of: "%25", with: "%")
  }

  @Test func githubAnnotatesFailuresAndWritesTheJobSummary() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    // An endpoint label with the characters a workflow command must escape.
    try """
    objectives:
      - {metric: p95_ms, max: 500}
      - {endpoint: "GET /a,b: 100%\\nnext", metric: p99_ms, max: 1500}
    """.write(toFile: runner.path("slo.yaml"), atomically: true, encoding: .utf8)
    try "earlier step\n".write(toFile: runner.path("summary.md"), atomically: true, encoding: .utf8)
    let result = try runner.run(
      [
        "check", samples + "/runs/light", samples + "/runs/stress", "--slo", "slo.yaml", "--github",
        "--junit", "junit.xml", "--db", "runs.sqlite",
      ], environment: ["GITHUB_STEP_SUMMARY": runner.path("summary.md")])
    #expect(result.status == 2, "stderr: \(result.stderr)")
    let annotations = result.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
    // Corpus README: stress p95 2300 ms breaks 500; neither run has the made-up endpoint.
    #expect(annotations.count == 3)
    for line in annotations {
      let match = try #require(line.wholeMatch(of: /::error title=([^,:]*)::(.*)/), "\(line)")
      #expect(!match.2.contains("\r"))
      #expect(unescape(match.1).hasPrefix("capacity check: "))
    }
    let titles = annotations.map {
      unescape(try! #require($0.wholeMatch(of: /::error title=([^,:]*)::.*/)).1)
    }
    #expect(titles.contains("capacity check: stress p95_ms ≤ 500"))
    #expect(titles.contains("capacity check: light GET /a,b: 100%\nnext p99_ms ≤ 1500"))
    // The default error-rate objective stays in force: 3 objectives on 2 runs.
    #expect(result.stdout.contains("3 of 6 objective checks failed"))
    let summary = try String(contentsOfFile: runner.path("summary.md"), encoding: .utf8)
    #expect(summary.hasPrefix("earlier step\n### capacity check\n"))
    #expect(summary.contains("**FAIL: 3 of 6 objective checks failed**"))
    // stress_stats.csv Aggregated: 4164 requests, 70.27 req/s, p95 2300 ms, no failures.
    #expect(summary.contains("| stress | VALID | 4,164 | 70.3 | 2300 ms | 0.0 % | 1 of 3 |"))
    #expect(result.stderr.contains("wrote junit.xml\n"))
    #expect(!result.stdout.contains("wrote"))
  }

  @Test func gitlabWritesMetricsAndJUnit() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run(["check", samples + "/runs/light", "--gitlab", "--db", "runs.sqlite"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let metrics = try String(contentsOfFile: runner.path("metrics.txt"), encoding: .utf8)
    // light_stats.csv Aggregated: 771 requests, p95 190 ms.
    #expect(metrics.contains("capacity_light_requests 771\n"))
    #expect(metrics.contains("capacity_light_p95_ms 190\n"))
    #expect(metrics.contains("capacity_slo_failed 0\n"))
    for line in metrics.split(separator: "\n") {
      #expect(line.wholeMatch(of: /[a-zA-Z_:][a-zA-Z0-9_:]* -?[0-9]+(\.[0-9]+)?/) != nil, "\(line)")
    }
    let junit = try String(contentsOfFile: runner.path("junit.xml"), encoding: .utf8)
    // 771 requests at 13.043946 req/s (Locust's own figures) = 59.108 s.
    #expect(junit.contains("time=\"59.108\""))
  }

  @Test func jsonAndJUnitTakeStdoutAlone() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let json = try runner.run([
      "check", samples + "/runs/stress", "--format", "json,github", "--db", "runs.sqlite",
    ])
    #expect(json.status == 2)
    let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(document?["failed"] as? Int == 1)
    #expect(json.stderr.contains("::error title=capacity check%3A stress p95_ms ≤ 500::"))
    let xml = try runner.run(["check", "--run", "stress", "--format", "junit", "--db", "runs.sqlite"])
    #expect(xml.status == 2)
    #expect(xml.stdout.hasPrefix("<?xml"))
    let both = try runner.run([
      "check", "--run", "stress", "--format", "json", "--format", "junit", "--db", "runs.sqlite",
    ])
    #expect(both.status == 64)
    let quiet = try runner.run(["check", "--run", "stress", "--github", "-q", "--db", "runs.sqlite"])
    #expect(quiet.status == 2)
    #expect(quiet.stdout.hasPrefix("::error ") && !quiet.stdout.contains("RESULT"))
    let unknown = try runner.run(["check", "--run", "stress", "--format", "xml", "--db", "runs.sqlite"])
    #expect(unknown.status == 64)
  }

  @Test func analyzeAndCompareAppendToTheJobSummary() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let environment = ["GITHUB_STEP_SUMMARY": runner.path("summary.md")]
    let analyze = try runner.run(
      [
        "analyze", samples + "/runs/light", samples + "/runs/stress", "--manifests", samples + "/k8s",
        "--db", "runs.sqlite", "--github-summary",
      ], environment: environment)
    #expect(analyze.status == 0, "stderr: \(analyze.stderr)")
    let compare = try runner.run(
      ["compare", "light", "stress", "--db", "runs.sqlite", "--github-summary"], environment: environment)
    #expect([0, 2].contains(compare.status))
    let summary = try String(contentsOfFile: runner.path("summary.md"), encoding: .utf8)
    // The summary's answer and table come from report.json: the same profile and verdict.
    let document = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: runner.path("capacity-report/report.json"))))
        as? [String: Any])
    let answer = try #require(document["answer"] as? String)
    #expect(summary.hasPrefix("### capacity analyze\n\n**\(answer)**"))
    let verdict = try #require(
      ((document["profiles"] as? [[String: Any]])?.first { $0["name"] as? String == "vps-8gb" })?[
        "combined_verdict"]
        as? String)
    #expect(summary.contains("| vps-8gb | 4 CPU, 8Gi | 83.8 % | 56.3 % | **\(verdict)** |"))
    #expect(summary.contains("| light | 771 | 13.0 | 190 ms | 0.0 % | VALID |"))
    #expect(summary.contains("# Run comparison: **"))
    let withoutFlag = try runner.run(
      ["report", "--all", "--db", "runs.sqlite", "-q"], environment: environment)
    #expect(withoutFlag.status == 0)
    #expect(try String(contentsOfFile: runner.path("summary.md"), encoding: .utf8) == summary)
  }
}
