import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityTestSupport

/// The cause rules on the real `light` run (771 requests, 84 of them `POST /api/cart/`, every
/// endpoint within the SLO) with failures put on one endpoint, at different utilisations.
@Suite struct SLOCauseClassifierTests {
  let thresholds = AnalysisThresholds()

  /// light with 20 HTTP 500s on POST /api/cart/ (23.8 % of its 84 requests, 2.6 % of the run).
  func flakyLight() throws -> RunAnalysis {
    var analysis = RunAnalyzer().analyze(try Corpus.run("light"))
    let index = try #require(analysis.endpoints.firstIndex { $0.name == "/api/cart/" })
    analysis.endpoints[index].failures = 20
    analysis.endpoints[index].errorRate = 20.0 / 84
    analysis.failures = 20
    analysis.errorRate = 20.0 / 771
    analysis.run.errors = [
      ErrorRecord(
        method: "POST", name: "/api/cart/", message: "HTTPError('500 Server Error')", occurrences: 20)
    ]
    analysis.errors = [
      ErrorSummary(category: .http5xx, count: 20, share: 1, examples: [], firstSeen: nil, lastSeen: nil)
    ]
    return analysis
  }

  @Test func oneFailingEndpointAtLowUtilisationIsFunctional() throws {
    let cause = try #require(
      SLOCauseClassifier(thresholds: thresholds).classify(
        try flakyLight(), utilisation: RunUtilisation(run: 0.34, source: "host CPU (sadf-xml)")))
    #expect(cause.kind == .functional)
    #expect(cause.endpoints == ["POST /api/cart/"] && cause.errorTypes == ["HTTP 5xx"])
    #expect(
      cause.evidence.first == "POST /api/cart/ failed 23.8 % of 84 requests (HTTP 5xx), 100 % of all failures"
    )
    #expect(cause.sentence(run: "light").contains("a larger profile will not fix this"))
  }

  @Test func theSameFailuresOnASaturatedHostAreCapacity() throws {
    let cause = SLOCauseClassifier(thresholds: thresholds).classify(
      try flakyLight(), utilisation: RunUtilisation(run: 0.96, source: "host CPU (sadf-xml)"))
    #expect(cause?.kind == .capacity)
    // The endpoint's own error type is still named.
    #expect(cause?.endpoints == ["POST /api/cart/"])
  }

  @Test func betweenIdleAndSaturatedTheCauseIsUnknown() throws {
    let cause = SLOCauseClassifier(thresholds: thresholds).classify(
      try flakyLight(), utilisation: RunUtilisation(run: 0.75, source: "host CPU (sadf-xml)"))
    #expect(cause?.kind == .unknown && cause?.missing.isEmpty == false)
  }

  @Test func withoutSamplesHealthyOtherEndpointsStillMakeItFunctional() throws {
    let cause = SLOCauseClassifier(thresholds: thresholds).classify(try flakyLight())
    #expect(cause?.kind == .functional)
  }

  @Test func aRunWithinTheSLOHasNoCause() throws {
    let light = RunAnalyzer().analyze(try Corpus.run("light"))
    #expect(SLOCauseClassifier(thresholds: thresholds).classify(light) == nil)
  }

  @Test func theHealthyEndpointsViewLeavesTheFailingOneOut() throws {
    let view = try #require(HealthyEndpointsView().view(try flakyLight(), excluding: ["POST /api/cart/"]))
    // 771 − 84 = 687 requests, none failed; p95 is the slowest healthy endpoint's (search, 370 ms).
    #expect(view.requests == 687 && view.failures == 0)
    #expect(view.latency.p95 == 370)
    #expect(view.meetsSLO(thresholds) && view.steps.isEmpty)
  }
}
