import Foundation
import Testing

@testable import CapacityModel

@Suite struct UTCTimestampTests {
  @Test(arguments: [
    ("2026-11-29T02:25:08Z", 1_795_919_108.0),
    ("2026-11-29 02:15:20 UTC", 1_795_918_520.0),
    ("1970-01-01T00:00:00Z", 0.0),
    ("2024-02-29T12:00:00.5+00:00", 1_709_208_000.5),
    ("2026-11-29T03:25:08+01:00", 1_795_919_108.0),
    ("2026-11-28T21:25:08-0500", 1_795_919_108.0),
  ])
  func parsesUTCForms(_ text: String, _ seconds: Double) {
    #expect(UTCTimestamp.parse(text)?.timeIntervalSince1970 == seconds)
  }

  @Test(arguments: [
    "", "2026-11-29", "2026-13-01T00:00:00Z", "2026-11-29T02:25:08+1", "garbage at all!!!!!",
  ])
  func rejectsOtherText(_ text: String) {
    #expect(UTCTimestamp.parse(text) == nil)
  }

  @Test func formatsWholeSecondsUTC() {
    #expect(UTCTimestamp.format(Date(timeIntervalSince1970: 1_795_919_108.9)) == "2026-11-29T02:25:08Z")
  }

  /// The digit-by-digit writer against Foundation's ISO 8601 formatter, on seeded seconds from
  /// year 1600 to 9999 (before the Gregorian reform Foundation counts Julian days, ISO 8601 does
  /// not) and on the edges of days, months and leap years.
  @Test func formatsAsFoundationDoes() {
    let foundation = ISO8601DateFormatter()
    foundation.timeZone = TimeZone(identifier: "UTC")
    var generator = SeededGenerator(seed: 18)
    var seconds: [Double] = [0, -1, 86_399, 86_400, 951_782_399, 951_782_400, 1_709_251_199, 4_107_542_399]
    for _ in 0..<2_000 {
      seconds.append(Double(Int64.random(in: -11_676_096_000...253_402_300_799, using: &generator)))
    }
    for value in seconds {
      let date = Date(timeIntervalSince1970: value)
      #expect(UTCTimestamp.format(date) == foundation.string(from: date), "\(value)")
    }
  }
}
