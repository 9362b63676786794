import CapacityModel
import Testing

@testable import CapacityAnalysis
@testable import CapacityTestSupport

/// APDEX: satisfied = successful requests ≤ T, tolerating = successful ones in (T, 4T], frustrated
/// = slower ones and every failure; score = (satisfied + tolerating ÷ 2) ÷ requests.
@Suite struct ApdexTests {
  @Test func boundariesCountAsTheFasterClass() throws {
    // 100 ms is T itself (satisfied), 400 ms is 4T itself (tolerating), 400.2 ms rounds up past 4T.
    var table: [Int64: Int64] = [:]
    for value in [12.0, 99.1, 100, 100.4, 399.9, 400, 400.2, 5_000] {
      table[LatencyCounts.ceiling(value), default: 0] += 1
    }
    let counts = LatencyCounts(method: "GET", name: "/", isTotal: false, table: table)
    // 8 successes and 2 failures.
    let apdex = try #require(Apdex(counts: counts, requests: 10, thresholdMs: 100))
    #expect(apdex.satisfied == 3 && apdex.tolerating == 3 && apdex.frustrated == 4)
    #expect(apdex.score == (3 + 1.5) / 10)
  }

  @Test func theDefaultTargetIsAQuarterOfTheP95Objective() {
    var thresholds = AnalysisThresholds()
    #expect(Apdex.threshold(thresholds) == 125)
    thresholds.sloP95Ms = 333
    #expect(Apdex.threshold(thresholds) == 83)
    thresholds.apdexThresholdMs = 250
    #expect(Apdex.threshold(thresholds) == 250)
  }

  @Test func noRequestsGiveNoScore() {
    let empty = LatencyCounts(method: "", name: "", isTotal: true, table: [:])
    #expect(Apdex(counts: empty, requests: 0, thresholdMs: 125) == nil)
  }

  @Test func ceilingsAreWholeMillisecondsThenWholeSeconds() {
    #expect(LatencyCounts.ceiling(0) == 0 && LatencyCounts.ceiling(.nan) == 0)
    #expect(LatencyCounts.ceiling(124.0001) == 125 && LatencyCounts.ceiling(125) == 125)
    #expect(LatencyCounts.ceiling(60_000) == 60_000 && LatencyCounts.ceiling(60_000.5) == 61_000)
    #expect(LatencyCounts.ceiling(.infinity) == 0)
  }

  /// The real JMeter ramp (2 578 requests, 13.9 % failed), T = 200 ms. Truth: DuckDB over the JTL,
  ///   python3 scripts/apdex-truth/apdex-truth.py report.json jmeter_ramp_tc Tests/Fixtures/ramps/jmeter_ramp_tc.jtl 200
  /// (counts printed there; the script also compares every endpoint with report.json).
  @Test func theJMeterRampMatchesADuckDBCount() throws {
    let run = try RawLogs.run(path: Corpus.path("Tests/Fixtures/ramps/jmeter_ramp_tc.jtl"))
    var thresholds = AnalysisThresholds()
    thresholds.apdexThresholdMs = 200
    let analysis = RunAnalyzer(thresholds: thresholds).analyze(run)
    let total = try #require(analysis.apdex)
    #expect([total.satisfied, total.tolerating, total.frustrated] == [377, 351, 1850])
    let expected: [String: [Int64]] = [
      "GET / (302 -> /products/)": [20, 20, 110], "GET /health/": [38, 26, 144],
      "GET /products/?page=[n]": [98, 74, 436], "GET /products/[id]/": [182, 158, 736],
      "GET /search/?q=[term]": [6, 37, 245], "POST /api/cart/": [33, 36, 179],
    ]
    for endpoint in analysis.endpoints {
      let apdex = try #require(endpoint.apdex, "\(endpoint.name)")
      #expect(
        expected[endpoint.name] == [apdex.satisfied, apdex.tolerating, apdex.frustrated], "\(endpoint.name)")
    }
    #expect(analysis.endpoints.count == expected.count)
  }

  @Test func locustRunsHaveNone() throws {
    let analysis = RunAnalyzer().analyze(try Corpus.run("light"))
    #expect(analysis.apdex == nil && analysis.endpoints.allSatisfy { $0.apdex == nil })
  }
}
