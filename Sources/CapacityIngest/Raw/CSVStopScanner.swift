import CByteScan

/// Finds the next *stop* (delimiter, line feed, carriage return or double quote) from a bitmask
/// of 64 bytes at a time, so the fields of a quote-free record cost a shift and a bit count each
/// instead of a scan each. A record that holds a quote is left to `CSVFieldScanner`, which knows
/// the quoting rules; this type only says where the quote is.
package struct CSVStopScanner {
  package let end: UnsafePointer<UInt8>
  package let delimiter: UInt8
  /// The block whose stops `mask` holds: up to 64 bytes from `blockStart`.
  private var blockStart: UnsafePointer<UInt8>
  private var mask: UInt64 = 0

  /// - Parameter start: where scanning begins; any later position may be asked for.
  package init(start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, delimiter: UInt8) {
    self.end = end
    self.delimiter = delimiter
    blockStart = start
    mask = Self.stops(at: start, end: end, delimiter: delimiter)
  }

  /// Whether a delimiter can be told from the other stops (always, for the delimiters a JTL or a
  /// k6 CSV uses).
  package static func supports(delimiter: UInt8) -> Bool {
    delimiter != ByteScanning.newline && delimiter != ByteScanning.carriageReturn
      && delimiter != ByteScanning.quote
  }

  /// The first stop at or after `position`, or `end` when there is none.
  @inline(__always)
  package mutating func nextStop(from position: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
    var shift = position - blockStart
    while true {
      if shift >= 0, shift < 64 {
        let bits = mask & (~0 << UInt64(shift))
        if bits != 0 { return blockStart + bits.trailingZeroBitCount }
        blockStart += 64
      } else {
        blockStart = position
      }
      guard blockStart < end else {
        blockStart = end
        mask = 0
        return end
      }
      mask = Self.stops(at: blockStart, end: end, delimiter: delimiter)
      shift = max(0, position - blockStart)
    }
  }

  @inline(__always)
  private static func stops(at start: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, delimiter: UInt8)
    -> UInt64
  {
    end - start >= 64
      ? cbytescan_stops64(start, delimiter) : cbytescan_stops(start, max(0, end - start), delimiter)
  }
}
