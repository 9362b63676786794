import Foundation
import Testing

@testable import CapacityModel
@testable import CapacityStatistics
@testable import CapacityTestSupport

@Suite struct WindowHistogramsTests {
  @Test(arguments: [0.002, 0.5, 1, 7, 99.9, 150, 1_000, 29_999, 3_600_000])
  func aBucketIsWithinOneSixtyFourthOfItsValues(_ milliseconds: Double) {
    let middle = WindowHistograms.value(ofBucket: WindowHistograms.bucket(milliseconds))
    #expect(abs(middle - milliseconds) / milliseconds <= 1.0 / 64)
  }

  /// The bucket read from the bits against its definition from `exponent` and `significand`, on
  /// seeded random magnitudes from subnormal to huge, the bucket edges, zero, negatives and NaN.
  @Test func theBucketFromTheBitsIsTheDefinitionsBucket() {
    func definition(_ milliseconds: Double) -> Int {
      guard milliseconds > 0, milliseconds.isFinite else { return 0 }
      let exponent = Int(milliseconds.exponent)
      if exponent < WindowHistograms.lowestExponent { return 0 }
      if exponent > WindowHistograms.highestExponent { return WindowHistograms.bucketCount - 1 }
      return (exponent - WindowHistograms.lowestExponent) * WindowHistograms.subBuckets
        + Int((milliseconds.significand - 1) * Double(WindowHistograms.subBuckets))
    }
    var generator = SeededGenerator(seed: 64)
    var values: [Double] = [
      0, -0.0, -1, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .leastNormalMagnitude,
      .greatestFiniteMagnitude, 0x1p-10, 0x1p-11, 0x1p24, 0x1p25, 0x1.FFFFFFFFFFFFFp24, 1, 1.015625,
    ]
    for _ in 0..<20_000 {
      values.append(
        Double(
          sign: .plus, exponent: Int.random(in: -1074...1023, using: &generator),
          significand: Double.random(in: 1..<2, using: &generator)))
      values.append(Double.random(in: 0..<100_000, using: &generator).rounded())
    }
    for value in values { #expect(WindowHistograms.bucket(value) == definition(value), "\(value)") }
  }

  @Test func longRunsGetLongerWindows() {
    #expect(WindowHistograms(base: 0, seconds: 600).windowSeconds == 10)
    #expect(WindowHistograms(base: 0, seconds: 86_400).windowSeconds == 90)
  }

  /// The corpus JMeter CSV run, cut into 10 s windows from its first second. Reference: the value
  /// at rank ⌊q·(n−1)⌋ of each window's latencies (the bucket R-7 starts from), computed with
  ///   numpy 2.4.6: np.quantile(window, q, method="lower") over (timeStamp // 1000 − first) // 10
  /// giving p50 / p95 per window: 18/186, 13/204, 11/165, 10/146, 11/148, 10/263, 7/10.
  @Test func corpusWindowsMatchNumpyWithinTheBucketWidth() throws {
    let run = try RawLogs.run(path: RawLogs.fixture("jmeter_csv_results.jtl"))
    #expect(run.hasWindowedPercentiles)
    let expected: [(Double, Double)] = [
      (18, 186), (13, 204), (11, 165), (10, 146), (11, 148), (10, 263), (7, 10),
    ]
    let origin = try #require(run.timeline.first?.timestamp)
    for (window, (p50, p95)) in expected.enumerated() {
      let tick = try #require(run.timeline.first { ($0.timestamp - origin) / 10 == Int64(window) })
      let measured50 = try #require(tick.windowed(0.5, in: run.historyKind))
      let measured95 = try #require(tick.windowed(0.95, in: run.historyKind))
      #expect(abs(measured50 - p50) / p50 <= 1.0 / 64, "window \(window) p50 \(measured50) vs \(p50)")
      #expect(abs(measured95 - p95) / p95 <= 1.0 / 64, "window \(window) p95 \(measured95) vs \(p95)")
    }
  }
}
