import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityPlanning

@Suite struct SLOLoaderTests {
  @Test func readsTheDocumentedShapeAndKeepsDefaultsForUnsetMetrics() throws {
    let slo = try SLOLoader().parse(
      yaml: """
        objectives:
          - {metric: p95_ms, max: 300}
          - {endpoint: "GET /search/", metric: p99_ms, max: 1500}
          - {metric: rps, min: 50, users: 100}
        """, file: "slo.yaml")
    #expect(
      slo.objectives == [
        SLOObjective(metric: .p95Ms, limit: 300),
        SLOObjective(endpoint: "GET /search/", metric: .p99Ms, limit: 1500),
        SLOObjective(metric: .rps, limit: 50, users: 100),
        SLOObjective(metric: .errorRate, limit: 0.01),
      ])
    #expect(slo.source == "slo.yaml")
    #expect(slo.applied(to: AnalysisThresholds()).sloP95Ms == 300)
  }

  @Test func acceptsPercentagesAndCanDropTheDefaults() throws {
    let slo = try SLOLoader().parse(
      yaml: "defaults: false\nobjectives:\n  - {metric: error_rate, max: \"0.5%\"}\n", file: "s.yaml")
    #expect(slo.objectives == [SLOObjective(metric: .errorRate, limit: 0.005)])
  }

  @Test func errorsNameTheFileFieldAndValue() {
    #expect(throws: PlanningError.self) {
      try SLOLoader().parse(yaml: "objectives:\n  - {metric: p42_ms, max: 1}\n", file: "bad.yaml")
    }
    do {
      _ = try SLOLoader().parse(yaml: "objectives:\n  - {metric: rps, max: 1}\n", file: "bad.yaml")
      Issue.record("expected an error")
    } catch {
      #expect(
        error.errorDescription == "bad.yaml: invalid value 'max' in objectives[0].max: rps takes min, not max"
      )
    }
    do {
      _ = try SLOLoader().parse(yaml: "objectives:\n  - {metric: error_rate, max: 5}\n", file: "bad.yaml")
      Issue.record("expected an error")
    } catch {
      #expect(error.errorDescription?.contains("an error rate is a share from 0 to 1") == true)
    }
  }
}
