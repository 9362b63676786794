import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityTestSupport

@Suite struct RunComparatorTests {
  /// A steady run: `seconds` ticks at 50 users, ~30 req/s, p50 ≈ 20 ms and p95 ≈ 200 ms with
  /// seeded noise, as Locust's full history would record it.
  private func steadyRun(seconds: Int, seed: UInt64, latencyScale: Double = 1) -> Run {
    var generator = SeededGenerator(seed: seed)
    var total: Int64 = 0
    let points = (0..<seconds).map { second -> TimelinePoint in
      total += Int64.random(in: 27...33, using: &generator)
      let p95 = (200 + Double.random(in: -15...15, using: &generator)) * latencyScale
      let p50 = (20 + Double.random(in: -2...2, using: &generator)) * latencyScale
      return TimelinePoint(
        timestamp: 1_000 + Int64(second), users: 50, requestsPerSecond: 30, failuresPerSecond: 0,
        percentiles: [.init(quantile: 0.5, valueMs: p50), .init(quantile: 0.95, valueMs: p95)],
        totalRequests: total, totalFailures: 0)
    }
    var run = Run(id: "run-\(seed)", name: "steady", tool: .locust, sourceFiles: [])
    run.timeline = points
    run.historyKind = .currentWindow
    return run
  }

  private func halves(_ run: Run) -> (Run, Run) {
    var first = run
    var second = run
    let middle = run.timeline.count / 2
    first.timeline = Array(run.timeline[..<middle])
    second.timeline = Array(run.timeline[middle...])
    return (first, second)
  }

  @Test func twoHalvesOfOneSteadyRunShowNoSignificantChange() {
    let (first, second) = halves(steadyRun(seconds: 300, seed: 7))
    let comparison = RunComparator().compare(baseline: first, candidate: second)
    #expect(comparison.verdict == .noSignificantChange)
    #expect(
      comparison.metrics.map(\.verdict) == [.noSignificantChange, .noSignificantChange, .noSignificantChange])
  }

  @Test func latenciesScaledByThirtyPercentAreARegression() throws {
    let baseline = steadyRun(seconds: 150, seed: 7)
    let candidate = steadyRun(seconds: 150, seed: 8, latencyScale: 1.3)
    let comparison = RunComparator().compare(baseline: baseline, candidate: candidate)
    #expect(comparison.verdict == .regression)
    let p95 = try #require(comparison.metrics.first { $0.metric == .p95Ms })
    #expect(p95.verdict == .regression)
    #expect(abs((p95.change ?? 0) - 0.3) < 0.05)
    let interval = try #require(p95.changeInterval)
    #expect(interval.lowerBound > 0.2 && interval.upperBound < 0.4)
    #expect(comparison.metrics.first { $0.metric == .throughputRps }?.verdict == .noSignificantChange)
  }

  /// 60 s runs give 6 windows a side: a 2× latency after the Holm correction is still found (exact
  /// U: 2 ÷ C(12, 6) = 0.00216, × 3 = 0.0065).
  @Test func aDoubledLatencyInAMinuteSurvivesTheCorrection() throws {
    let comparison = RunComparator().compare(
      baseline: steadyRun(seconds: 60, seed: 5), candidate: steadyRun(seconds: 60, seed: 6, latencyScale: 2))
    #expect(comparison.verdict == .regression)
    let p50 = try #require(comparison.metrics.first { $0.metric == .p50Ms })
    #expect(p50.test == .exact)
    #expect(abs((p50.pValue ?? 1) - 2.0 / 924) < 1e-12)
    #expect(abs((p50.adjustedPValue ?? 1) - 3 * 2.0 / 924) < 1e-12)
  }

  /// An endpoint made 30 % slower while the overall history stays put: the endpoint row shows it,
  /// the verdict (primary family only) does not change.
  @Test func endpointRowsDoNotDecideTheVerdict() throws {
    var baseline = steadyRun(seconds: 150, seed: 7)
    var candidate = steadyRun(seconds: 150, seed: 8)
    baseline.endpointTimelines = [
      EndpointTimeline(method: "GET", name: "/a", points: steadyRun(seconds: 150, seed: 9).timeline)
    ]
    candidate.endpointTimelines = [
      EndpointTimeline(
        method: "GET", name: "/a", points: steadyRun(seconds: 150, seed: 10, latencyScale: 1.3).timeline)
    ]
    let comparison = RunComparator().compare(baseline: baseline, candidate: candidate)
    #expect(comparison.verdict == .noSignificantChange)
    let endpoint = comparison.metrics.filter { $0.scope == "GET /a" }
    #expect(endpoint.allSatisfy { $0.family == .secondary })
    #expect(endpoint.first { $0.metric == .p95Ms }?.verdict == .regression)
    // Three endpoint tests, BH: the two latency rows (p = 2 ÷ C(30, 15)) stay below α.
    #expect(comparison.notes.contains { $0.hasPrefix("Per endpoint: 2 of 3 rows changed") })
  }

  @Test func tooFewWindowsAreInconclusive() {
    let comparison = RunComparator().compare(
      baseline: steadyRun(seconds: 30, seed: 1), candidate: steadyRun(seconds: 30, seed: 2))
    #expect(comparison.verdict == .inconclusive)
  }

  @Test func theBootstrapRepeatsForASeed() {
    let baseline = steadyRun(seconds: 150, seed: 3)
    let candidate = steadyRun(seconds: 150, seed: 4, latencyScale: 1.1)
    #expect(
      RunComparator().compare(baseline: baseline, candidate: candidate)
        == RunComparator().compare(baseline: baseline, candidate: candidate))
  }

  @Test func endpointsBothRunsShareAreCompared() throws {
    let light = try Corpus.run("light")
    let comparison = RunComparator().compare(baseline: light, candidate: light)
    #expect(Set(comparison.metrics.map(\.scope)).count == 7)
    #expect(comparison.verdict != .regression)
  }
}
