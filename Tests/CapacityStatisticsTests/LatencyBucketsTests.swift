import CapacityModel
import Testing

@testable import CapacityStatistics

@Suite struct LatencyBucketsTests {
  /// By hand: 1 ms is 2^0 × 1.0, bucket (0 + 10) × 64 = 640; 30 000 ms is 2^14 × 1.831…, bucket
  /// (14 + 10) × 64 + ⌊0.831… × 64⌋ = 1 536 + 53 = 1 589; so 950 buckets, the first one's middle
  /// 1 + 0.5 / 64 ms.
  @Test func aRunFromOneMillisecondToThirtySecondsKeepsNineHundredFiftyBuckets() {
    let buckets = LatencyBuckets(fastest: 1, slowest: 30_000)
    #expect(buckets.first == 640)
    #expect(buckets.count == 950)
    #expect(buckets.value(atOffset: 0) == 1.0078125)
    #expect(buckets.offset(1) == 0)
    #expect(buckets.offset(30_000) == 949)
  }

  @Test func valuesOutsideTheRangeGoToItsEndsAndNoLatenciesKeepEveryBucket() {
    let buckets = LatencyBuckets(fastest: 10, slowest: 20)
    #expect(buckets.offset(0.5) == 0)
    #expect(buckets.offset(.nan) == 0)
    #expect(buckets.offset(1e9) == buckets.count - 1)
    #expect(LatencyBuckets(fastest: .infinity, slowest: -.infinity) == .all)
    #expect(LatencyBuckets.all.count == WindowHistograms.bucketCount)
  }

  /// The narrow tables give every window the percentiles the full ones give.
  @Test func windowsOverTheRunsBucketsEqualWindowsOverAllBuckets() {
    var generator = SeededGenerator(seed: 7)
    let samples = (0..<20_000).map { _ in
      (Double.random(in: 0.8...4_000, using: &generator), UInt32.random(in: 0..<600, using: &generator))
    }
    let fastest = samples.map(\.0).min()!
    let slowest = samples.map(\.0).max()!
    var narrow = WindowHistograms(
      base: 0, seconds: 600, buckets: LatencyBuckets(fastest: fastest, slowest: slowest))
    var full = WindowHistograms(base: 0, seconds: 600)
    for (value, second) in samples {
      narrow.record(value, second: second)
      full.record(value, second: second)
    }
    #expect(narrow.buckets.count < LatencyBuckets.all.count / 2)
    for tick in stride(from: 0, to: 600, by: 10) {
      #expect(narrow.percentiles(atTick: tick) == full.percentiles(atTick: tick))
      #expect(!full.percentiles(atTick: tick).isEmpty)
    }
  }
}
