import CapacityModel

/// The `StatusClass` of a response code as a raw log writes it (JMeter `responseCode`, k6
/// `status`, vegeta `code`), read from its bytes without allocating: one to three ASCII digits
/// give a number that `StatusClass.of(code:)` classes; anything else (empty, `Non HTTP response
/// code: java.net…`, a sign, more digits) is no response.
package enum StatusClassifier {
  @inline(__always)
  package static func classify(_ field: ByteField) -> StatusClass {
    classify(UnsafeBufferPointer(start: field.start, count: field.count))
  }

  package static func classify(_ text: String) -> StatusClass {
    var text = text
    return text.withUTF8 { classify($0) }
  }

  @inline(__always)
  static func classify(_ bytes: UnsafeBufferPointer<UInt8>) -> StatusClass {
    guard (1...3).contains(bytes.count) else { return .noResponse }
    var code: Int64 = 0
    for byte in bytes {
      let digit = byte &- UInt8(ascii: "0")
      guard digit <= 9 else { return .noResponse }
      code = code * 10 + Int64(digit)
    }
    return StatusClass.of(code: code)
  }
}
