/// Where a byte sequence stops being UTF-8, for errors that say "invalid UTF-8 at byte N"
/// instead of a parser's generic refusal.
package enum UTF8Validation {
  /// The 0-based offset of the first byte that is not part of a valid UTF-8 sequence, or `nil`.
  package static func firstInvalidByte(in bytes: some Collection<UInt8>) -> Int? {
    var offset = 0
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    // Count the bytes each scalar took by its encoded width.
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  /// `"invalid UTF-8 at byte N (line L)"` when `bytes` are not UTF-8.
  package static func problem(in bytes: [UInt8]) -> String? {
    guard let offset = firstInvalidByte(in: bytes) else { return nil }
    let line = bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    return "invalid UTF-8 at byte \(offset) (line \(line))"
  }
}
