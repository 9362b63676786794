import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityTestSupport

@Suite struct SLOEvaluatorTests {
  @Test func corpusRunsAgainstTheDefaultsAndAnEndpointObjective() throws {
    let light = RunAnalyzer().analyze(try Corpus.run("light"))
    let stress = RunAnalyzer().analyze(try Corpus.run("stress"))
    let objectives = ServiceLevelObjectives(objectives: [
      SLOObjective(metric: .p95Ms, limit: 500),
      SLOObjective(metric: .errorRate, limit: 0.01),
      SLOObjective(endpoint: "GET /nope/", metric: .p99Ms, limit: 1500),
    ])
    let results = SLOEvaluator(objectives: objectives).evaluate([light, stress])
    #expect(results.map(\.passed) == [true, true, false, false, true, false])
    // Corpus README: light p95 190 ms, stress p95 2300 ms.
    #expect(results[0].measured == 190)
    #expect(results[3].measured == 2300)
    #expect(results[3].detail == "2300 ms over the run breaks p95_ms ≤ 500")
    #expect(results[2].measured == nil)
    #expect(results[2].detail == "not measured: no endpoint 'GET /nope/' in the run")
  }
}
