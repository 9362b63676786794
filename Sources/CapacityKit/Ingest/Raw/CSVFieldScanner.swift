#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads RFC 4180 fields in place: quoted fields may hold the delimiter, `""` and line breaks.
struct CSVFieldScanner {
  let end: UnsafePointer<UInt8>
  let delimiter: UInt8

  /// Reads the field at `position` and moves past its terminator. Returns the field and whether
  /// it was the last of its record (a line break or the end of the data followed it).
  @inline(__always)
  func next(_ position: inout UnsafePointer<UInt8>) -> (field: ByteField, lastInRecord: Bool) {
    var field: ByteField
    if position < end, position.pointee == ByteScanning.quote {
      let open = position + 1
      var cursor = open
      var escaped = false
      while true {
        guard let found = memchr(cursor, Int32(ByteScanning.quote), end - cursor) else {
          cursor = end
          break
        }
        let quotePosition = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
        if quotePosition + 1 < end, quotePosition[1] == ByteScanning.quote {
          escaped = true
          cursor = quotePosition + 2
        } else {
          cursor = quotePosition
          break
        }
      }
      field = ByteField(start: open, count: cursor - open, hasEscapedQuotes: escaped)
      position = min(cursor + 1, end)
      // Tolerate junk between the closing quote and the delimiter.
      while position < end, position.pointee != delimiter, position.pointee != ByteScanning.newline,
        position.pointee != ByteScanning.carriageReturn
      {
        position += 1
      }
    } else {
      let fieldStart = position
      while position < end {
        let byte = position.pointee
        if byte == delimiter || byte == ByteScanning.newline || byte == ByteScanning.carriageReturn { break }
        position += 1
      }
      field = ByteField(start: fieldStart, count: position - fieldStart)
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

  /// Moves past the rest of the current record.
  @inline(__always)
  func skipRecord(_ position: inout UnsafePointer<UInt8>) {
    let remaining = end - position
    guard remaining > 0 else { return }
    if let newline = memchr(position, Int32(ByteScanning.newline), remaining) {
      let lineEnd = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self))
      if memchr(position, Int32(ByteScanning.quote), lineEnd - position) == nil {
        position = lineEnd + 1
        return
      }
    }
    while !next(&position).lastInRecord {}
  }
}
