import CapacityModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A field of a raw log as a window on the mapped file: no copy until a string is needed.
package struct ByteField {
  package var start: UnsafePointer<UInt8>
  package var count: Int
  /// Inside CSV quotes with `""` escapes still in place.
  package var hasEscapedQuotes = false
  /// A quoted field whose closing quote never came before the next row: cut at that row.
  package var unterminated = false

  package nonisolated(unsafe) static let empty = ByteField(start: ByteScanning.emptyPointer, count: 0)

  @inline(__always) package var isEmpty: Bool { count == 0 }

  @inline(__always) package subscript(index: Int) -> UInt8 { start[index] }

  /// The field as text, with CSV `""` escapes undone.
  package var string: String {
    let raw = UnsafeBufferPointer(start: start, count: count)
    guard hasEscapedQuotes else { return String(decoding: raw, as: UTF8.self) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count)
    var index = 0
    while index < count {
      bytes.append(raw[index])
      index +=
        raw[index] == ByteScanning.quote && index + 1 < count && raw[index + 1] == ByteScanning.quote ? 2 : 1
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  @inline(__always) package var int: Int64? { ByteScanning.parseInt(start, count) }
  @inline(__always) package var double: Double? { ByteScanning.parseDouble(start, count) }

  @inline(__always) package func hasPrefix(_ literal: StaticString) -> Bool {
    let length = literal.utf8CodeUnitCount
    return count >= length && memcmp(start, literal.utf8Start, length) == 0
  }

  @inline(__always) package func equals(_ literal: StaticString) -> Bool {
    count == literal.utf8CodeUnitCount && memcmp(start, literal.utf8Start, count) == 0
  }

  package func equals(_ other: ByteField) -> Bool {
    count == other.count && memcmp(start, other.start, count) == 0
  }
}

/// Byte-level number and time parsing for the raw-log hot paths. Nothing here allocates.
package enum ByteScanning {
  package static let quote = UInt8(ascii: "\"")
  package static let newline = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  nonisolated(unsafe) static let emptyPointer: UnsafePointer<UInt8> = {
    let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    pointer.initialize(to: 0)
    return UnsafePointer(pointer)
  }()

  /// Exact powers of ten: a decimal with ≤ 15 digits divided by one of them is correctly rounded.
  package static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  @inline(__always)
  package static func parseInt(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> Int64? {
    guard count > 0 else { return nil }
    var index = 0
    var negative = false
    if pointer[0] == UInt8(ascii: "-") {
      negative = true
      index = 1
    } else if pointer[0] == UInt8(ascii: "+") {
      index = 1
    }
    guard index < count, count - index <= 19 else { return nil }
    var value: Int64 = 0
    // Up to 18 digits cannot overflow (10^18 < 2^63): the timestamps and latencies of every row.
    if count - index <= 18 {
      // Eight digits at a time where there are as many (an epoch-ms timestamp has thirteen).
      if count - index >= 8 {
        guard let eight = eightDigits(pointer + index) else { return nil }
        value = Int64(eight)
        index += 8
      }
      while index < count {
        let digit = pointer[index] &- 48
        guard digit <= 9 else { return nil }
        value = value &* 10 &+ Int64(digit)
        index += 1
      }
      return negative ? -value : value
    }
    while index < count {
      let digit = pointer[index] &- 48
      guard digit <= 9 else { return nil }
      let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
      let (sum, carry) = shifted.addingReportingOverflow(Int64(digit))
      guard !overflow, !carry else { return nil }
      value = sum
      index += 1
    }
    return negative ? -value : value
  }

  /// The value of the eight ASCII digits at `pointer`, read as one word (SWAR); `nil` when a byte
  /// is not a digit.
  @inline(__always)
  static func eightDigits(_ pointer: UnsafePointer<UInt8>) -> UInt64? {
    let word = UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    // Every byte 0x30…0x39: its high nibble is 3, and adding 6 leaves it 3.
    guard word & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030,
      (word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030
    else { return nil }
    // Pairs, then quads, then the eight: the first byte is the most significant digit.
    var value = word & 0x0F0F_0F0F_0F0F_0F0F
    value = (value &* 2561) >> 8 & 0x00FF_00FF_00FF_00FF
    value = (value &* 6_553_601) >> 16 & 0x0000_FFFF_0000_FFFF
    return (value &* 42_949_672_960_001) >> 32
  }

  /// A decimal number, correctly rounded: `[-]digits[.digits]` fast, anything else via `strtod`.
  @inline(__always)
  package static func parseDouble(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> Double? {
    guard count > 0 else { return nil }
    var index = 0
    var negative = false
    if pointer[0] == UInt8(ascii: "-") {
      negative = true
      index = 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var fractionDigits = 0
    var seenPoint = false
    while index < count {
      let byte = pointer[index]
      let digit = byte &- 48
      if digit <= 9 {
        mantissa = mantissa &* 10 &+ UInt64(digit)
        digits += 1
        if seenPoint { fractionDigits += 1 }
      } else if byte == UInt8(ascii: "."), !seenPoint {
        seenPoint = true
      } else {
        return slowDouble(pointer, count)
      }
      index += 1
    }
    guard digits > 0 else { return nil }
    guard digits <= 15, fractionDigits <= 22 else { return slowDouble(pointer, count) }
    let value = Double(mantissa) / powersOfTen[fractionDigits]
    return negative ? -value : value
  }

  private static func slowDouble(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> Double? {
    guard count < 63 else { return nil }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Double? in
      for index in 0..<count { buffer[index] = CChar(bitPattern: pointer[index]) }
      buffer[count] = 0
      var end: UnsafeMutablePointer<CChar>?
      let value = strtod(buffer.baseAddress!, &end)
      guard let end, end - buffer.baseAddress! == count else { return nil }
      return value.isFinite ? value : nil
    }
  }

  /// A date-time written as digit groups (`2024-05-29T12:00:00.123456+02:00`,
  /// `2024/05/29 12:00:00.123`), as Unix nanoseconds. A trailing `Z` or `±hh:mm` offset is
  /// applied; without one the time is taken as UTC.
  package static func parseDateTime(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> Int64? {
    var groups: (Int64, Int64, Int64, Int64, Int64, Int64) = (0, 0, 0, 0, 0, 0)
    var index = 0
    func number(_ maxDigits: Int) -> Int64? {
      var value: Int64 = 0
      var digits = 0
      while index < count, digits < maxDigits, pointer[index] &- 48 <= 9 {
        value = value * 10 + Int64(pointer[index] &- 48)
        index += 1
        digits += 1
      }
      return digits > 0 ? value : nil
    }
    func skipSeparator() { if index < count, pointer[index] &- 48 > 9 { index += 1 } }
    guard let year = number(4) else { return nil }
    skipSeparator()
    guard let month = number(2) else { return nil }
    skipSeparator()
    guard let day = number(2) else { return nil }
    skipSeparator()
    guard let hour = number(2) else { return nil }
    skipSeparator()
    guard let minute = number(2) else { return nil }
    skipSeparator()
    guard let second = number(2) else { return nil }
    groups = (year, month, day, hour, minute, second)
    var nanos: Int64 = 0
    if index < count, pointer[index] == UInt8(ascii: ".") || pointer[index] == UInt8(ascii: ",") {
      index += 1
      var scale: Int64 = 100_000_000
      while index < count, pointer[index] &- 48 <= 9 {
        nanos += Int64(pointer[index] &- 48) * scale
        scale /= 10
        index += 1
      }
    }
    var offsetSeconds: Int64 = 0
    if index < count, pointer[index] == UInt8(ascii: "+") || pointer[index] == UInt8(ascii: "-") {
      let sign: Int64 = pointer[index] == UInt8(ascii: "-") ? -1 : 1
      index += 1
      let hours = number(2) ?? 0
      skipSeparator()
      let minutes = number(2) ?? 0
      offsetSeconds = sign * (hours * 3600 + minutes * 60)
    }
    let days = Int64(
      UTCTimestamp.daysFromCivil(year: Int(groups.0), month: Int(groups.1), day: Int(groups.2)))
    let seconds = days * 86_400 + groups.3 * 3600 + groups.4 * 60 + groups.5 - offsetSeconds
    // Nanoseconds overflow Int64 after 2262: such a time is no time of a load test.
    let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    return overflow ? nil : scaled + nanos
  }
}
