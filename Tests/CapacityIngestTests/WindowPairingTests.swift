import Testing

@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityStatistics

/// The 10 s window histograms are made from the 5 s request windows' count of all requests, not
/// from a second pass over the values: each must equal the histogram recorded value by value.
@Suite struct WindowPairingTests {
  /// Seeded latencies over `span` seconds from `base`, some seconds before `base` and past the
  /// span (where the two tables' reaches differ), in blocks as the parsers keep them. Latencies
  /// grow with the second, so a window missing some of its seconds has other percentiles.
  static func values(count: Int, base: Int64, span: Int, seed: UInt64)
    -> (values: ValueBlocks<Double>, seconds: ValueBlocks<UInt32>)
  {
    var generator = SeededGenerator(seed: seed)
    var values = ValueBlocks<Double>()
    var seconds = ValueBlocks<UInt32>()
    for _ in 0..<count {
      let offset = Int64.random(in: -3...Int64(span + 25), using: &generator)
      values.append(Double(offset + 4) * 10 + Double(Int.random(in: 0..<80, using: &generator)) / 8)
      seconds.append(UInt32(truncatingIfNeeded: base + offset))
    }
    return (values, seconds)
  }

  @Test(arguments: [(span: 7, seed: 1), (span: 12, seed: 2), (span: 600, seed: 3), (span: 20_007, seed: 4)])
  func tenSecondWindowsEqualThoseRecordedValueByValue(span: Int, seed: UInt64) {
    let base: Int64 = 1_700_000_000
    var part = Self.values(count: 20_000, base: base, span: span, seed: seed)
    defer {
      part.values.release()
      part.seconds.release()
    }
    let buckets = LatencyBuckets(fastest: 0.125, slowest: 5_000)
    var direct = WindowHistograms(base: base, seconds: span, buckets: buckets)
    part.values.forEachValue(seconds: part.seconds) { direct.record($0, second: $1) }

    var paired = WindowHistograms(base: base, seconds: span, buckets: buckets)
    var builder = RequestWindowBuilder(
      base: base, timelineSeconds: span, buckets: buckets, totalSeconds: paired.coveredSeconds)
    #expect(paired.windowSeconds == 2 * builder.seconds)
    builder.add(method: "GET", name: "/", parts: [part])
    builder.addTotal(to: &paired)

    var compared = 0
    for tick in 0..<paired.coveredSeconds {
      #expect(paired.percentiles(atTick: tick) == direct.percentiles(atTick: tick), "tick \(tick)")
      if !direct.percentiles(atTick: tick).isEmpty { compared += 1 }
    }
    #expect(compared > 0)
    // The 5 s series still ends at the timeline's windows.
    #expect(builder.totalSeries.windows.count == builder.windowCount)
  }
}
