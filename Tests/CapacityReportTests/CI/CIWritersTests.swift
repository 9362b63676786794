import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityReport
@testable import CapacityTestSupport

/// The CI writers against their documented formats, on the real `light` and `stress` sample runs.
/// Truth comes from Locust's own `light_stats.csv` / `stress_stats.csv` Aggregated rows, read here
/// independently of the ingest.
@Suite struct CIWritersTests {
  /// Locust's Aggregated row: requests, failures, p95 (column `95%`) and req/s.
  private func aggregated(_ folder: String) throws -> (requests: Int64, p95: Double, rps: Double) {
    let text = try String(
      contentsOfFile: Corpus.path("samples/runs/\(folder)/\(folder)_stats.csv"), encoding: .utf8)
    let rows = text.split(whereSeparator: \.isNewline).map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let header = rows[0].map(String.init)
    let row = try #require(rows.first { $0.count > 1 && $0[1] == "Aggregated" })
    func column(_ name: String) throws -> Substring { row[try #require(header.firstIndex(of: name))] }
    return (
      try #require(Int64(try column("Request Count"))), try #require(Double(try column("95%"))),
      try #require(Double(try column("Requests/s")))
    )
  }

  private func outcome(objectives: [SLOObjective]) throws -> CheckOutcome {
    let analyses = try ["light", "stress"].map { RunAnalyzer().analyze(try Corpus.run($0)) }
    let results = SLOEvaluator(objectives: ServiceLevelObjectives(objectives: objectives)).evaluate(analyses)
    return CheckOutcome(results: results, analyses: analyses)
  }

  private let p95 = SLOObjective(metric: .p95Ms, limit: 500)

  // MARK: GitHub workflow commands

  @Test func workflowCommandsEscapeAsTheRunnerUnescapes() {
    // actions/toolkit command.ts: data escapes % CR LF; properties also : and ,.
    #expect(WorkflowCommand.escapeData("50% of\r\nall: a,b") == "50%25 of%0D%0Aall: a,b")
    #expect(WorkflowCommand.escapeProperty("50% of\r\nall: a,b") == "50%25 of%0D%0Aall%3A a%2Cb")
    let command = WorkflowCommand(
      "warning", properties: [("file", "runs/a,b.jtl"), ("line", "12"), ("title", "x::y")],
      message: "::evil\n::")
    #expect(command.description == "::warning file=runs/a%2Cb.jtl,line=12,title=x%3A%3Ay::::evil%0A::")
    #expect(!command.description.contains("\n"))
  }

  @Test func aFailedObjectiveBecomesOneErrorAnnotation() throws {
    let outcome = try outcome(objectives: [p95])
    let commands = GitHubAnnotations().commands(outcome)
    let errors = commands.filter { $0.name == "error" }
    // Locust: stress p95 = 2300 ms > 500, light 190 ms ≤ 500.
    #expect(try aggregated("stress").p95 == 2300)
    #expect(errors.count == 1)
    #expect(
      errors.first?.description
        == "::error title=capacity check%3A stress p95_ms ≤ 500::stress: 2300 ms over the run breaks p95_ms ≤ 500"
    )
    for line in GitHubAnnotations().text(outcome).split(separator: "\n") {
      #expect(
        line.wholeMatch(of: /::(error|warning)( [a-z]+=[^,:\r\n]*(,[a-z]+=[^,:\r\n]*)*)?::[^\r\n]*/) != nil)
    }
  }

  @Test func inputWarningsBecomeWarningsPinnedToTheirLine() throws {
    var analysis = RunAnalyzer().analyze(try Corpus.run("light"))
    analysis.run.diagnostics = [Diagnostic(SourceLocation(file: "runs/x.jtl", line: 7), "bad row: 1,2")]
    let commands = GitHubAnnotations().commands(CheckOutcome(results: [], analyses: [analysis]))
    #expect(
      commands.map(\.description) == ["::warning file=runs/x.jtl,line=7,title=capacity input::bad row: 1,2"])
  }

  // MARK: job summary

  @Test func theCheckSummaryLeadsWithTheVerdictAndListsFailures() throws {
    let markdown = JobSummary.check(try outcome(objectives: [p95]))
    let truth = try aggregated("stress")
    #expect(markdown.contains("**FAIL: 1 of 2 objective checks failed**"))
    #expect(
      markdown.contains(
        "| stress | VALID | \(NumberFormat.grouped(truth.requests)) | "
          + "\(NumberFormat.decimal(truth.rps, places: 1)) | 2300 ms | 0.0 % | 0 of 1 |"))
    #expect(markdown.contains("- stress: 2300 ms over the run breaks p95\\_ms ≤ 500"))
  }

  @Test func summariesAppendToTheStepSummaryFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("summary-\(UUID()).md").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try "earlier step\n".write(toFile: path, atomically: true, encoding: .utf8)
    try JobSummary.append("### one\n", to: path)
    try JobSummary.append("### two\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "earlier step\n### one\n### two\n")
  }

  // MARK: GitLab metrics

  @Test func metricsAreOpenMetricsNameValueLinesWithLocustsFigures() throws {
    let text = GitLabMetrics().text(try outcome(objectives: [p95]))
    let lines = text.split(separator: "\n")
    var values: [String: String] = [:]
    for line in lines {
      let match = try #require(
        line.wholeMatch(of: /([a-zA-Z_:][a-zA-Z0-9_:]*) (-?[0-9]+(\.[0-9]+)?)/), "\(line)")
      #expect(values[String(match.1)] == nil, "\(match.1) twice")
      values[String(match.1)] = String(match.2)
    }
    let light = try aggregated("light")
    #expect(values["capacity_light_requests"] == "\(light.requests)")
    #expect(values["capacity_light_p95_ms"].flatMap(Double.init) == light.p95)
    #expect(abs(try #require(values["capacity_light_rps"].flatMap(Double.init)) - light.rps) < 1e-6)
    #expect(values["capacity_slo_stress_p95_ms_passed"] == "0")
    #expect(values["capacity_slo_light_p95_ms_passed"] == "1")
    #expect(values["capacity_slo_failed"] == "1")
  }

  @Test func metricNamesAreReducedAndDeduplicated() {
    #expect(GitLabMetrics.name(["capacity", "GET /search/?q=x", "p95"]) == "capacity_get_search_q_x_p95")
    #expect(GitLabMetrics.number(0.0123) == "0.0123")
    #expect(GitLabMetrics.number(190) == "190")
    let objective = SLOObjective(endpoint: "GET /", metric: .rps, limit: 5, users: 100)
    #expect(GitLabMetrics.slug(objective) == "rps_GET /_at_100_users")
  }

  // MARK: JUnit time, JSON

  @Test func junitTimesAreTheRunsDurations() throws {
    let outcome = try outcome(objectives: [p95, SLOObjective(metric: .errorRate, limit: 0.01)])
    let xml = try JUnitWriter().xml(outcome.results, durations: outcome.durations)
    // Locust: duration = requests / (req/s).
    let light = try aggregated("light")
    let seconds = NumberFormat.decimal(Double(light.requests) / light.rps, places: 3)
    #expect(
      xml.contains(
        "<testsuite name=\"light\" id=\"0\" package=\"capacity.slo\" tests=\"2\" failures=\"0\" "
          + "errors=\"0\" skipped=\"0\" time=\"\(seconds)\""))
    let half = NumberFormat.decimal(Double(light.requests) / light.rps / 2, places: 3)
    #expect(xml.contains("classname=\"capacity.slo.light\" time=\"\(half)\""))
  }

  @Test func theCheckDocumentCountsChecks() throws {
    let document = CheckDocument(try outcome(objectives: [p95]))
    #expect(document.checks == 2 && document.failed == 1 && !document.passed)
    let json = ReportRenderer.json(document)
    #expect(json.contains("\"schema\" : \"capacity-check/1\""))
    #expect(json.contains("\"run_id\""))
  }

  @Test func groupedNumbersRoundOnce() {
    #expect(NumberFormat.grouped(Int64(1_234_567)) == "1,234,567")
    #expect(NumberFormat.grouped(Int64(-999)) == "-999")
    #expect(NumberFormat.grouped(3233.049, places: 1) == "3,233.0")
    #expect(NumberFormat.grouped(-1234.4, places: 0) == "-1,234")
    #expect(NumberFormat.grouped(999.96, places: 1) == "1,000.0")
  }
}
