import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityPlanning
@testable import CapacityReport

@Suite struct ReportDocumentTests {
  @Test func everyPropertyButTheRunDetailsIsAKeyOfReportJSON() {
    let document = ReportBuilder().document(
      analyses: [], plan: CapacityPlan(profiles: Profile.builtIns, deployment: nil))
    let properties = Set(Mirror(reflecting: document).children.compactMap(\.label))
    let keys = Set(ReportDocument.CodingKeys.allCases.map(\.stringValue))
    #expect(properties.subtracting(keys) == ["runDetails"])
    #expect(keys.subtracting(properties).isEmpty)
  }

  @Test func theRunDetailsCarryTheTimelineButStayOutOfReportJSON() throws {
    var run = Run(
      id: String(repeating: "b", count: 64), name: "timed", tool: .locust,
      sourceFiles: [SourceFile(path: "timed_stats.csv", role: "locust-stats", sha256: "ab", bytes: 3)])
    run.total = EndpointStats(method: "", name: "Aggregated", requests: 30, failures: 0, requestsPerSecond: 3)
    run.timeline = [
      TimelinePoint(
        timestamp: 100, users: 1, requestsPerSecond: 1, failuresPerSecond: 0, percentiles: [],
        totalRequests: 10,
        totalFailures: 0),
      TimelinePoint(
        timestamp: 110, users: 2, requestsPerSecond: 2, failuresPerSecond: 0, percentiles: [],
        totalRequests: 30,
        totalFailures: 0),
    ]
    run.historyKind = .currentWindow
    let document = ReportBuilder().document(
      analyses: [RunAnalyzer().analyze(run)], plan: CapacityPlan(profiles: Profile.builtIns, deployment: nil))
    let detail = try #require(document.runDetails[run.id])
    #expect(detail.timeline == run.timeline)
    #expect(detail.historyKind == .currentWindow)
    #expect(detail.sourceFiles.map(\.role) == ["locust-stats"])
    let json = ReportRenderer.json(document)
    #expect(!json.contains("run_details"))
    #expect(!json.contains("timeline"))
    let html = try ReportRenderer().render(document).html
    #expect(html.contains("Throughput and failures per second, and users, over time for timed"))
    #expect(html.contains("locust-stats"))
  }

  /// 3233.049 req/s is 3233.05 in report.json; rounded again to one place that would be 3233.1.
  @Test func summariesRoundTheMeasuredRateOnceFromTheRunDetails() throws {
    var run = Run(id: String(repeating: "c", count: 64), name: "fast", tool: .locust, sourceFiles: [])
    run.total = EndpointStats(method: "", name: "Aggregated", requests: 30, failures: 0, requestsPerSecond: 3)
    var document = ReportBuilder().document(
      analyses: [RunAnalyzer().analyze(run)], plan: CapacityPlan(profiles: Profile.builtIns, deployment: nil))
    document.runs[0].rps = 3233.05
    document.runDetails[run.id]?.requestsPerSecond = 3233.049
    #expect(document.requestsPerSecond(of: document.runs[0]) == 3233.049)
    #expect(JobSummary.report(document).contains("| fast | 30 | 3,233.0 |"))
    document.runDetails = [:]
    #expect(JobSummary.report(document).contains("| fast | 30 | 3,233.1 |"))
  }
}
