import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityTestSupport

@Suite struct SaturationAnalyzerTests {
  let analyzer = SaturationAnalyzer(thresholds: AnalysisThresholds())

  /// The corpus README (shared/corpus/README.md, "Stepped run"): the knee lies between 60 and 80
  /// users (p95 264 → 595 ms) and throughput stops growing at about 68 req/s from 150 users.
  @Test func steppedCorpusRunSaturatesBetween60And80Users() throws {
    let run = RunAnalyzer().analyze(try Corpus.run("stepped"))
    let saturation = analyzer.analyze(
      source: run.run.name, runIDs: [run.run.id], steps: SaturationAnalyzer.steps(of: run))
    let point = try #require(saturation.saturationPoint)
    #expect(point.rule == .latencySLO)
    #expect((60...80).contains(point.users))
    let capacity = try #require(saturation.capacity)
    #expect(capacity.bound == .interpolated)
    #expect(capacity.users > 60 && capacity.users < 80)
    #expect(capacity.limitedBy?.metric == .p95Ms)
    // The plateau rule finds where throughput stops growing: at 150 or 200 users.
    let plateau = try #require(saturation.trips.first { $0.rule == .plateau })
    #expect(plateau.users >= 150)
    // Knees: throughput at 100 users, p95 at 60 (kneed gives the same on the README's numbers);
    // both within one step of the p95 rule at 80 users, so both are trusted.
    #expect(saturation.throughputKnee?.users == 100)
    #expect(saturation.throughputKnee?.trusted == true)
    #expect(saturation.latencyKnee?.trusted == true)
    // 8 distinct user counts: a fit, with the 20 s steps flagged as too short.
    let fit = try #require(saturation.fit)
    #expect(fit.model.lambda > 0.5 && fit.model.lambda < 1)
    #expect(saturation.notes.first?.contains("too short to count as steady state") == true)
    #expect(saturation.forecast?.predictions.count == 4)
    #expect(saturation.bottleneck == "unknown — add resource samples")
    // The USL peak of this curve is close to the measured plateau (~68 req/s).
    let peak = try #require(fit.peakThroughput ?? fit.roofThroughput)
    #expect(peak > 60 && peak < 80)
  }

  @Test func runsAtDifferentUserCountsFormASeriesButTooFewForAFit() throws {
    let analyses = try ["light", "medium", "stress", "invalid"].map {
      RunAnalyzer().analyze(try Corpus.run($0))
    }
    let steps = SaturationAnalyzer.steps(ofRuns: analyses, thresholds: AnalysisThresholds())
    #expect(steps.map(\.users) == [20, 50, 200])
    #expect(steps.allSatisfy { $0.effectiveConcurrency != nil })
    let saturation = analyzer.analyze(source: "runs", runIDs: [], steps: steps)
    #expect(saturation.fit == nil)
    #expect(saturation.missingSteps?.contains("Add 3 more steps") == true)
    #expect(saturation.saturationPoint?.users == 50)
  }

  @Test func rulesTripInOrderAndTheBottleneckComesFromResourceSamples() throws {
    let steps = [
      (10, 10.0, 100.0, 0.0), (20, 19.0, 120.0, 0.0), (40, 36.0, 200.0, 0.0), (60, 37.0, 400.0, 0.02),
      (80, 30.0, 900.0, 0.05),
    ].map {
      SaturationStep(
        users: $0.0, throughput: $0.1, p95Ms: $0.2, errorRate: $0.3, requests: 1000, steady: true, label: "")
    }
    let loads = [
      ComponentLoad(component: "django", users: 60, cpuShare: 0.97, memoryShare: 0.3),
      ComponentLoad(component: "postgres", users: 60, cpuShare: 0.4, memoryShare: 0.5),
    ]
    let saturation = analyzer.analyze(source: "synthetic", runIDs: [], steps: steps, loads: loads)
    #expect(
      saturation.trips.map(\.rule) == [.plateau, .errorSLO, .plateau, .latencySLO, .errorSLO, .falling])
    #expect(saturation.saturationPoint?.rule == .plateau)
    #expect(saturation.saturationPoint?.users == 60)
    #expect(saturation.bottleneck.hasPrefix("django (CPU at 97.0 %"))
    // Errors cross 1 % between 40 (0 %) and 60 (2 %) users: at 50.
    #expect(saturation.capacity.map { abs($0.users - 50) < 1e-9 } == true)
    #expect(saturation.capacity?.limitedBy?.metric == .errorRate)
  }
}
