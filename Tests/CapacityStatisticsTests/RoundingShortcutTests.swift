import Testing

@testable import CapacityModel
@testable import CapacityStatistics

/// The per-request roundings done without libm (a latency's ceiling, an HDR value's microsecond)
/// give what `rounded(.up)` and `rounded()` give: at halves, just either side of whole numbers,
/// at the ends of their fast ranges, and on seeded random values.
@Suite struct RoundingShortcutTests {
  private static let edges: [Double] = [
    0, -0.0, 0.0005, 0.4995, 0.5, 0.49999999999999994, 1, 1.0000000000000002, 2.5, 999.9995,
    59_999.5, 60_000, 60_000.1, 86_400_000, 0x1p49 - 0.5, 0x1p49, 1e12 + 0.5, 1e15, 1e15 + 2, 0x1p53,
    -1, -0.3, .infinity, .nan, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
  ]

  private static func randomValues() -> [Double] {
    var generator = SeededGenerator(seed: 7)
    return (0..<20_000).map { index in
      let whole = Double(generator.next() % 100_000_000)
      return index % 2 == 0 ? whole : whole / 1000 + Double(generator.next() % 1000) / 1e6
    }
  }

  @Test func aCeilingIsTheLibmCeiling() {
    for value in Self.edges + Self.randomValues() {
      let expected: Int64
      if value.isFinite, value > 0 {
        let whole = Int64(min(value, 1e15).rounded(.up))
        expected = whole <= LatencyCounts.wholeMillisecondsUpTo ? whole : (whole + 999) / 1000 * 1000
      } else {
        expected = 0
      }
      #expect(LatencyCounts.ceiling(value) == expected, "\(value)")
    }
  }

  @Test func anHDRMicrosecondIsTheLibmRoundedOne() {
    for value in Self.edges + Self.randomValues() where !value.isNaN && value * 1000 < 0x1p63 {
      #expect(HDRHistogram.microseconds(value) == UInt64(max(0, (value * 1000).rounded())), "\(value)")
    }
  }
}
