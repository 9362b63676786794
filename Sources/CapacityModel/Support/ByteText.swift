/// Text built as UTF-8 bytes, for the writers that emit tens of thousands of pieces (chart
/// markup, the store's array columns): a String appended piece by piece costs more than the
/// pieces themselves.
extension Array where Element == UInt8 {
  /// Appends a literal's UTF-8 bytes.
  @inlinable
  package mutating func append(literal: StaticString) {
    append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }
}
