import Testing

@testable import CapacityIngest

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
}
