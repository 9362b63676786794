import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityPlanning
@testable import CapacityReport
@testable import CapacityTestSupport

@Suite struct ReportRendererTests {
  /// A run whose endpoint name and failure message carry markup, as a hostile or careless
  /// locustfile can produce.
  private func hostileAnalysis() -> RunAnalysis {
    var run = Run(id: String(repeating: "a", count: 64), name: "<b>run</b>", tool: .locust, sourceFiles: [])
    run.total = EndpointStats(
      method: "", name: "Aggregated", requests: 400, failures: 2, requestsPerSecond: 10)
    run.endpoints = [
      EndpointStats(
        method: "GET", name: "/search?q=<script>alert(1)</script>|x", requests: 400, failures: 2,
        requestsPerSecond: 10)
    ]
    run.errors = [
      ErrorRecord(
        method: "GET", name: "/", message: "HTTPError('500 <img src=x onerror=alert(2)>')", occurrences: 2)
    ]
    return RunAnalyzer().analyze(run)
  }

  @Test func inputStringsAreEscapedInHTMLAndMarkdown() throws {
    let analysis = hostileAnalysis()
    let document = ReportBuilder().document(
      analyses: [analysis], plan: CapacityPlan(profiles: Profile.builtIns, deployment: nil))
    let output = try ReportRenderer().render(document)
    for text in [output.html, output.markdown] {
      #expect(!text.contains("<script>"))
      #expect(!text.contains("<img"))
      #expect(!text.contains("<b>run"))
    }
    #expect(output.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(output.markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;\\|x"))
    // JSON is data: the strings stay as they were, and JSON escaping keeps it well-formed.
    let decoded = try JSONSerialization.jsonObject(with: Data(output.json.utf8)) as? [String: Any]
    let runs = decoded?["runs"] as? [[String: Any]]
    #expect((runs?.first?["name"] as? String) == "<b>run</b>")
  }

  @Test func htmlIsSelfContained() throws {
    let analysis = RunAnalyzer().analyze(try Corpus.run("stepped"))
    let document = ReportBuilder().document(
      analyses: [analysis], plan: CapacityPlan(profiles: Profile.builtIns, deployment: nil))
    let html = try ReportRenderer().render(document).html
    #expect(html.contains("<style>"))
    #expect(html.contains("<svg"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("http://") || !html.contains("src=\"http"))
    #expect(!html.contains("<link"))
  }

  @Test func customTemplatesOverrideTheDefaults() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "answer={{answer}}".write(
      to: directory.appendingPathComponent("report.md.mustache"), atomically: true, encoding: .utf8)
    let document = ReportBuilder().document(
      analyses: [], plan: CapacityPlan(profiles: Profile.builtIns, deployment: nil))
    let output = try ReportRenderer(templatesDirectory: directory.path).render(document)
    #expect(output.markdown.hasPrefix("answer=No profile can be sized"))
    #expect(output.html.contains("<!DOCTYPE html>"))
  }

  @Test func aBrokenTemplateIsReportedByName() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "{{#open}} never closed".write(
      to: directory.appendingPathComponent("report.html.mustache"), atomically: true, encoding: .utf8)
    #expect {
      try ReportRenderer(templatesDirectory: directory.path)
    } throws: { error in
      guard case .templateInvalid(let name, _) = error as? ReportError else { return false }
      return name.hasSuffix("report.html.mustache")
    }
  }
}
