import Foundation

/// Fixed-format UTC timestamps, parsed and printed without a locale or a formatter object.
public enum UTCTimestamp {
  /// Parses `YYYY-MM-DDTHH:MM:SS` (or a space for `T`) with an optional fraction and a zone:
  /// none or `Z` or ` UTC` (UTC), or an offset `±HH:MM` / `±HHMM`; `nil` for anything else.
  public static func parse(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
      bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
      let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
      let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2),
      let second = number(bytes, 17, 2),
      (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
    else { return nil }
    var index = 19
    var fraction = 0.0
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      var scale = 0.1
      while index < bytes.count, let digit = digitValue(bytes[index]) {
        fraction += Double(digit) * scale
        scale /= 10
        index += 1
      }
    }
    guard let offset = offsetSeconds(String(decoding: bytes[index...], as: UTF8.self)) else { return nil }
    let days = daysFromCivil(year: year, month: month, day: day)
    let seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 + second) + fraction - Double(offset)
    return Date(timeIntervalSince1970: seconds)
  }

  /// `2026-11-29T02:15:24Z` (whole seconds, UTC).
  /// Times outside years 1…9999 (or not finite) print as the nearest of those bounds.
  public static func format(_ date: Date) -> String {
    let seconds = date.timeIntervalSince1970
    let total =
      seconds.isNaN ? 0 : Int(min(max(seconds.rounded(.down), -62_135_596_800), 253_402_300_799))
    let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
    let secondsOfDay = total - days * 86_400
    let (year, month, day) = civilFromDays(days)
    // Written digit by digit: `String(format:)` costs microseconds a call, and a report formats
    // a timestamp for every hover strip of its charts.
    var text: [UInt8] = []
    text.reserveCapacity(20)
    func digits(_ value: Int, _ width: Int, then separator: Character) {
      var divisor = 1
      for _ in 1..<width { divisor *= 10 }
      while divisor > 0 {
        text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
        divisor /= 10
      }
      text.append(separator.asciiValue!)
    }
    digits(year, 4, then: "-")
    digits(month, 2, then: "-")
    digits(day, 2, then: "T")
    digits(secondsOfDay / 3_600, 2, then: ":")
    digits(secondsOfDay % 3_600 / 60, 2, then: ":")
    digits(secondsOfDay % 60, 2, then: "Z")
    return String(decoding: text, as: UTF8.self)
  }

  /// Seconds east of UTC for a zone suffix; `nil` when it is not one we read.
  private static func offsetSeconds(_ zone: String) -> Int? {
    if ["", "Z", " UTC", "UTC"].contains(zone) { return 0 }
    var bytes = Array(zone.utf8)
    if bytes.first == UInt8(ascii: " ") { bytes.removeFirst() }
    guard bytes.count == 6 || bytes.count == 5, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-")
    else { return nil }
    if bytes.count == 6 {
      guard bytes[3] == UInt8(ascii: ":") else { return nil }
      bytes.remove(at: 3)
    }
    guard let hours = number(bytes, 1, 2), let minutes = number(bytes, 3, 2), hours < 24, minutes < 60
    else { return nil }
    return (bytes[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3_600 + minutes * 60)
  }

  private static func digitValue(_ byte: UInt8) -> Int? {
    let digit = Int(byte) - 48
    return (0...9).contains(digit) ? digit : nil
  }

  private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
    var value = 0
    for byte in bytes[start..<start + length] {
      guard let digit = digitValue(byte) else { return nil }
      value = value * 10 + digit
    }
    return value
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
  package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
