import Testing

@testable import CapacityModel
@testable import CapacityStatistics

/// Latencies sorted for the quantiles, by counting (whole milliseconds in a narrow range) or by
/// comparison (anything else), come out as the standard library sorts them, bit for bit.
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
    let count = [10, 64, 500, 5_000, 40_000, 3][seed]
    let whole = (0..<count).map { _ in Double(Int.random(in: 0...30_000, using: &random)) }
    let spread = whole.map { $0 + 1e9 }  // whole, but too wide a range to count: sorted by comparison
    let wideSingle = whole + [Double(1 << 20)]
    let fractional = whole.map { $0 + 0.25 }
    let negativeZero = whole + [-0.0]
    for values in [whole, spread, wideSingle, fractional, negativeZero, whole.map { $0 / 2 }] {
      #expect(Self.sorted(values) == values.sorted().map(\.bitPattern))
    }
  }
}
