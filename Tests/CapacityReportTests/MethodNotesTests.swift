import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityPlanning
@testable import CapacityReport
@testable import CapacityTestSupport

@Suite struct MethodNotesTests {
  @Test func notesPrintTheThresholdsInForce() throws {
    var thresholds = AnalysisThresholds()
    thresholds.sloErrorRate = 0.02
    thresholds.stepMinimumSeconds = 15
    let analysis = RunAnalyzer(thresholds: thresholds).analyze(try Corpus.run("stepped"))
    let document = ReportBuilder(thresholds: thresholds).document(
      analyses: [analysis], plan: CapacityPlan(profiles: Profile.builtIns, deployment: nil))
    let validity = try #require(document.methods.first { $0.hasPrefix("Run validity:") })
    #expect(validity.contains("at least 50 % of requests failed"))
    #expect(validity.contains("exceed the 2.0 % objective"))
    #expect(validity.contains("fewer than 50 requests or 10 s"))
    let steps = try #require(document.methods.first { $0.hasPrefix("Load steps:") })
    #expect(steps.contains("at least 5 history ticks"))
    #expect(steps.contains("at least 15 s and 200 requests"))
    // No fault events and no incident in this run: no recovery note.
    #expect(!document.methods.contains { $0.hasPrefix("Recovery:") })
  }
}
