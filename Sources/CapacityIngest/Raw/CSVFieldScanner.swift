import CByteScan

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads RFC 4180 fields in place: quoted fields may hold the delimiter, `""` and line breaks.
package struct CSVFieldScanner {
  package let end: UnsafePointer<UInt8>
  package let delimiter: UInt8
  /// Rows start with an epoch timestamp (JMeter, vegeta): a quoted field that runs onto a line
  /// starting with 10+ digits and the delimiter is taken as unterminated and cut before it.
  package var rowsStartWithEpoch = false
  private let delimiterMask: UInt64
  private static let low: UInt64 = 0x0101_0101_0101_0101
  private static let high: UInt64 = 0x8080_8080_8080_8080
  private static let newlineMask = low &* UInt64(ByteScanning.newline)
  private static let carriageReturnMask = low &* UInt64(ByteScanning.carriageReturn)

  package init(end: UnsafePointer<UInt8>, delimiter: UInt8) {
    self.end = end
    self.delimiter = delimiter
    delimiterMask = Self.low &* UInt64(delimiter)
  }

  /// High bit set in each byte of `word` that is zero (exact, no false positives, for the lowest
  /// zero byte; higher ones may be flagged spuriously only above a real zero, which is enough to
  /// find the first).
  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- low) & ~word & high
  }

  /// Reads the field at `position` and moves past its terminator. Returns the field and whether
  /// it was the last of its record (a line break or the end of the data followed it).
  @inline(__always)
  package func next(_ position: inout UnsafePointer<UInt8>) -> (field: ByteField, lastInRecord: Bool) {
    let field: ByteField
    if position < end, position.pointee == ByteScanning.quote {
      let quoted = quotedField(&position)
      if quoted.recordEnded { return (quoted.field, true) }
      field = quoted.field
    } else {
      field = unquotedField(&position)
    }
    if position >= end { return (field, true) }
    let byte = position.pointee
    position += 1
    if byte == delimiter { return (field, false) }
    if byte == ByteScanning.carriageReturn, position < end, position.pointee == ByteScanning.newline {
      position += 1
    }
    return (field, true)
  }

  /// A quoted field from its opening quote; leaves `position` at its terminator. `recordEnded` when
  /// the quote is never closed and the field (and its record) ends at the line before the next row,
  /// `position` then at that row's start.
  @inline(__always)
  private func quotedField(_ position: inout UnsafePointer<UInt8>) -> (field: ByteField, recordEnded: Bool) {
    let open = position + 1
    var cursor = open
    var escaped = false
    while true {
      let found = memchr(cursor, Int32(ByteScanning.quote), end - cursor).map {
        UnsafePointer($0.assumingMemoryBound(to: UInt8.self))
      }
      if rowsStartWithEpoch, let rowStart = nextRowStart(from: cursor, before: found ?? end) {
        // An unterminated quote: end the field (and its record) at the line break before the row.
        var fieldEnd = rowStart - 1
        if fieldEnd > open, fieldEnd[-1] == ByteScanning.carriageReturn { fieldEnd -= 1 }
        position = rowStart
        return (
          ByteField(start: open, count: fieldEnd - open, hasEscapedQuotes: escaped, unterminated: true),
          true
        )
      }
      guard let quotePosition = found else {
        cursor = end
        break
      }
      if quotePosition + 1 < end, quotePosition[1] == ByteScanning.quote {
        escaped = true
        cursor = quotePosition + 2
      } else {
        cursor = quotePosition
        break
      }
    }
    position = min(cursor + 1, end)
    // Tolerate junk between the closing quote and the delimiter.
    while position < end, position.pointee != delimiter, position.pointee != ByteScanning.newline,
      position.pointee != ByteScanning.carriageReturn
    {
      position += 1
    }
    return (ByteField(start: open, count: cursor - open, hasEscapedQuotes: escaped), false)
  }

  /// An unquoted field; leaves `position` at its terminator (or the end of the data).
  @inline(__always)
  private func unquotedField(_ position: inout UnsafePointer<UInt8>) -> ByteField {
    let fieldStart = position
    // Sixteen bytes at a time (SSE2), then eight (SWAR): the first delimiter, LF or CR.
    while end - position >= 16 {
      let ends = cbytescan_field_ends16(position, delimiter)
      if ends != 0 {
        position += ends.trailingZeroBitCount
        return ByteField(start: fieldStart, count: position - fieldStart)
      }
      position += 16
    }
    while end - position >= 8 {
      let word = UnsafeRawPointer(position).loadUnaligned(as: UInt64.self)
      let hits =
        Self.zeroBytes(word ^ delimiterMask) | Self.zeroBytes(word ^ Self.newlineMask)
        | Self.zeroBytes(word ^ Self.carriageReturnMask)
      if hits != 0 {
        position += hits.trailingZeroBitCount >> 3
        break
      }
      position += 8
    }
    if end - position < 8 {
      while position < end {
        let byte = position.pointee
        if byte == delimiter || byte == ByteScanning.newline || byte == ByteScanning.carriageReturn {
          break
        }
        position += 1
      }
    }
    return ByteField(start: fieldStart, count: position - fieldStart)
  }

  /// The first line start in `from..<before` that begins with 10 or more digits and the delimiter.
  private func nextRowStart(from: UnsafePointer<UInt8>, before: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>?
  {
    var cursor = from
    while cursor < before, let newline = memchr(cursor, Int32(ByteScanning.newline), before - cursor) {
      let lineStart = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) + 1
      var digitEnd = lineStart
      while digitEnd < end, digitEnd.pointee &- 48 <= 9 { digitEnd += 1 }
      if digitEnd - lineStart >= 10, digitEnd < end, digitEnd.pointee == delimiter { return lineStart }
      cursor = lineStart
    }
    return nil
  }

  /// Moves past the rest of the current record; returns whether a quote in it was left open.
  @inline(__always) @discardableResult
  package func skipRecord(_ position: inout UnsafePointer<UInt8>) -> Bool {
    let remaining = end - position
    guard remaining > 0 else { return false }
    if let newline = memchr(position, Int32(ByteScanning.newline), remaining) {
      let lineEnd = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self))
      if memchr(position, Int32(ByteScanning.quote), lineEnd - position) == nil {
        position = lineEnd + 1
        return false
      }
    }
    var unterminated = false
    while true {
      let (field, last) = next(&position)
      if field.unterminated { unterminated = true }
      if last { return unterminated }
    }
  }
}
