import Testing

@testable import CapacityModel
@testable import CapacityStatistics

/// Latencies sorted for the quantiles, by counting (whole milliseconds in a narrow range), by
/// radix (whole milliseconds in a wide one) or by comparison (anything else), come out as the
/// standard library sorts them, bit for bit.
@Suite struct LatencySortTests {
  private static func sorted(_ values: [Double]) -> [UInt64] {
    let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: values.count)
    defer { buffer.deallocate() }
    _ = buffer.initialize(from: values)
    ExactPercentiles.sort(buffer)
    return buffer.map(\.bitPattern)
  }

  @Test(arguments: 0..<6)
  func everySegmentSortsAsTheStandardLibraryDoes(seed: Int) {
    var random = SeededGenerator(seed: UInt64(seed))
    let count = [10, 64, 1_023, 1_024, 40_000, 3][seed]
    let whole = (0..<count).map { _ in Double(Int.random(in: 0...30_000, using: &random)) }
    let spread = whole.map { $0 + 1e9 }  // whole, but too wide a range to count: sorted by comparison
    let wideSingle = whole + [Double(1 << 20)]
    let fractional = whole.map { $0 + 0.25 }
    let negativeZero = whole + [-0.0]
    // One, two and three 11-bit passes, a spread just under 2³² (radix) and just over (comparison).
    let wide = [1 << 11, 1 << 22, 5_000_000, 1 << 32 - 1, 1 << 32].map { top in
      (0..<count).map { _ in Double(Int.random(in: 0..<top, using: &random)) } + [0, Double(top - 1)]
    }
    for values in [whole, spread, wideSingle, fractional, negativeZero, whole.map { $0 / 2 }] + wide {
      #expect(Self.sorted(values) == values.sorted().map(\.bitPattern))
    }
  }
}
