import Foundation
import Testing

@testable import CapacityModel

/// `decimal` writes most numbers without printf; every figure must still be what `%.Nf` writes
/// (checked against C's `vsnprintf`; Foundation's `String(format:)` rounds some ties otherwise), ties included.
@Suite struct NumberFormatTests {
  /// C's printf in the C locale, which the formatter used for every number before.
  private static func printf(_ value: Double, places: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 400)
    let written = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.\(places)f", $0) }
    return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  @Test func everyPlaceCountWritesWhatPrintfWrites() {
    var generator = SeededGenerator(seed: 7)
    var values: [Double] = [
      0, -0.0, 0.05, 0.95, 1, -1, 1.25, 2.5, 3.5, -2.5, 0.125, 1.005, 999.95, 1e15, 4.5e15, 1e16,
    ]
    for _ in 0..<4_000 {
      let whole = Double(Int(generator.next() % 200_001) - 100_000)
      for fraction in [0.5, 0.25, 0.125, 0.05, 0.15, 0.45, 0.005, 0.0625, 0.999_999] {
        values += [whole + fraction, whole - fraction]
      }
      values.append(Double(generator.next() % 10_000_000) / 10 + 0.05)
      values.append(Double(bitPattern: generator.next()))
    }
    // Past 64 characters `decimal` hands the number to Foundation, as it always has.
    for value in values where value.isFinite && value.magnitude < 1e40 {
      for places in 0...8 {
        let expected = Self.printf(value, places: places)
        #expect(NumberFormat.decimal(value, places: places) == expected)
        var bytes = Array("x".utf8)
        NumberFormat.appendDecimal(value, places: places, to: &bytes)
        #expect(bytes == Array(("x" + expected).utf8))
      }
    }
  }

  @Test func integersAreWrittenAsStringWritesThem() {
    var generator = SeededGenerator(seed: 11)
    let values: [Int64] =
      [0, -1, 1, 9, 10, -10, .max, .min, 1_700_000_000_123]
      + (0..<2_000).map { _ in
        Int64(bitPattern: generator.next())
      }
    for value in values {
      var bytes = Array("x".utf8)
      NumberFormat.appendInteger(value, to: &bytes)
      #expect(bytes == Array("x\(value)".utf8))
    }
  }
}
