import Testing

@testable import CapacityIngest
@testable import CapacityModel

/// Integers as the raw parsers read them, against Swift's own `Int64(_:)`: the unchecked path
/// (up to 18 digits) and the checked one (19) agree with it on every kind of field.
@Suite struct ByteScanningTests {
  private func parse(_ text: String) -> Int64? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { ByteScanning.parseInt($0, buffer.count) }
    }
  }

  @Test(arguments: [
    "0", "7", "-7", "+7", "1700000000001", "999999999999999999", "-999999999999999999",
    "1000000000000000000", "9223372036854775807", "-9223372036854775807", "9223372036854775808",
    "99999999999999999999", "12a", "-", "+", "", " 1", "1.5", "٣",
  ])
  func integersParseAsInt64Does(_ text: String) {
    #expect(parse(text) == Int64(text), "\(text)")
  }

  /// Eight digits are read as one word: every byte value in every one of the eight places, and
  /// random digit strings of 8 to 18 digits, still parse as `Int64(_:)` does.
  @Test func eightDigitsAtATimeParseAsInt64Does() {
    for place in 0..<8 {
      for byte in UInt8(0)...UInt8(255) {
        var digits = Array("1700000000123".utf8)
        digits[place] = byte
        let text = String(decoding: digits, as: UTF8.self)
        let parsed = digits.withUnsafeBufferPointer { ByteScanning.parseInt($0.baseAddress!, $0.count) }
        #expect(parsed == Int64(text), "\(digits)")
      }
    }
    var generator = SeededGenerator(seed: 8)
    for _ in 0..<20_000 {
      let length = Int.random(in: 8...18, using: &generator)
      let text = String((0..<length).map { _ in "0123456789".randomElement(using: &generator)! })
      #expect(parse(text) == Int64(text), "\(text)")
      #expect(parse("-" + text) == Int64("-" + text), "\(text)")
    }
  }
}
