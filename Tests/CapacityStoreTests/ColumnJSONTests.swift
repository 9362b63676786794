import CapacityModel
import Foundation
import Testing

@testable import CapacityStore

/// The array columns are written without Codable; the bytes must stay what JSONEncoder (sorted
/// keys, as GRDB's records used it) wrote, and anything in another shape must still read.
@Suite struct ColumnJSONTests {
  private static func encoded(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  /// Integral, tiny, huge, negative zero, subnormal and arbitrary bit patterns.
  private static func doubles() -> [Double] {
    var generator = SeededGenerator(seed: 18)
    var values: [Double] = [0, -0.0, 1, 0.5, 516, 696.349_999_999_999_6, 1e15, 1e16, 1e21, 1e-7, 5e-324, 0.1]
    values += [123_456_789.012_345, -3.5, 1.797_693_134_862_315_7e308, 2.5e-5, 60_000, 86_400_000]
    for _ in 0..<3_000 {
      let value = Double(bitPattern: generator.next())
      if value.isFinite { values.append(value) }
      values.append(Double(generator.next() % 10_000_000) / 1000)
    }
    return values
  }

  @Test func percentilesAreWrittenAsJSONEncoderWroteThemAndReadBackExactly() throws {
    let values = Self.doubles()
    let percentiles = values.indices.map {
      PercentileValue(quantile: values[$0], valueMs: $0 % 7 == 0 ? nil : values[values.count - 1 - $0])
    }
    let text = try ColumnJSON.text(percentiles)
    #expect(text == (try Self.encoded(percentiles)))
    let back = try ColumnJSON.percentiles(text)
    #expect(back.map(\.quantile.bitPattern) == percentiles.map(\.quantile.bitPattern))
    #expect(back.map { $0.valueMs?.bitPattern } == percentiles.map { $0.valueMs?.bitPattern })
    #expect(try ColumnJSON.text([PercentileValue]()) == "[]")
    #expect(try ColumnJSON.percentiles("[]").isEmpty)
  }

  @Test func windowsAndIntegersAreWrittenAsJSONEncoderWroteThem() throws {
    let values = Self.doubles()
    let windows = values.indices.map {
      RequestWindow(
        requests: Int64($0) * 977 - 5, p50Ms: $0 % 3 == 0 ? nil : values[$0],
        p95Ms: $0 % 5 == 0 ? nil : values[$0] / 2)
    }
    let text = try ColumnJSON.text(windows)
    #expect(text == (try Self.encoded(windows)))
    #expect(try ColumnJSON.windows(text) == windows)
    let integers: [Int64] = [0, -1, 1, .max, .min, 60_000, 61_000]
    #expect(ColumnJSON.text(integers) == (try Self.encoded(integers)))
    #expect(try ColumnJSON.integers(ColumnJSON.text(integers)) == integers)
    let rows: [[Int64]] = [[], [0, 7, -3], [.max, .min], [1]]
    #expect(ColumnJSON.text(rows) == (try Self.encoded(rows)))
    #expect(ColumnJSON.text([[Int64]]()) == "[]")
  }

  @Test func textInAnotherShapeIsReadByJSONDecoder() throws {
    let spaced = "[ {\"valueMs\": 2.5, \"quantile\": 0.95} ]"
    #expect(try ColumnJSON.percentiles(spaced) == [PercentileValue(quantile: 0.95, valueMs: 2.5)])
    #expect(try ColumnJSON.integers("[1, 2]") == [1, 2])
    #expect(
      try ColumnJSON.windows("[{\"requests\": 3}]") == [RequestWindow(requests: 3, p50Ms: nil, p95Ms: nil)])
    #expect(throws: (any Error).self) { try ColumnJSON.percentiles("[{\"quantile\":") }
  }

  @Test func nonFiniteValuesAreRefusedAsJSONEncoderRefusedThem() {
    #expect(throws: (any Error).self) { try ColumnJSON.text([PercentileValue(quantile: 0.5, valueMs: .nan)]) }
    #expect(throws: (any Error).self) {
      try ColumnJSON.text([RequestWindow(requests: 1, p50Ms: .infinity, p95Ms: nil)])
    }
  }
}
