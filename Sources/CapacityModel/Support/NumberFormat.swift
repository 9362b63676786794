import Foundation

/// Locale-independent number formatting for reports: always `.` as the decimal separator.
public enum NumberFormat {
  /// `%.0f` … `%.20f`, built once: charts format every coordinate, and a format string
  /// interpolated per call was an allocation per number.
  private static let formats: [String] = (0...20).map { "%.\($0)f" }

  /// `value` with exactly `places` decimals, POSIX style.
  public static func decimal(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Inf" : "-Inf") }
    // C's printf: the C locale always writes `.`, and is far cheaper than a Foundation locale,
    // which matters for charts of thousands of points.
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
      let written = withVaList([value]) {
        vsnprintf(buffer.baseAddress, 64, formats[min(max(places, 0), 20)], $0)
      }
      guard written > 0, written < 64 else {
        return String(format: "%.\(places)f", locale: Locale(identifier: "en_US_POSIX"), value)
      }
      // Should a caller have set a numeric locale, its decimal comma is the only comma %f writes.
      for index in 0..<Int(written) where buffer[index] == 0x2C { buffer[index] = 0x2E }
      return String(
        decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(written)), as: UTF8.self)
    }
  }

  /// A share 0…1 as `12.3 %`.
  public static func percent(_ share: Double, places: Int = 1) -> String {
    decimal(share * 100, places: places) + " %"
  }

  /// Milliseconds as `190 ms` or `2.3 s`.
  public static func milliseconds(_ value: Double?) -> String {
    guard let value else { return "–" }
    if value >= 10_000 { return decimal(value / 1000, places: 1) + " s" }
    return decimal(value, places: value < 10 && value != value.rounded() ? 1 : 0) + " ms"
  }

  /// `value` rounded to `places` decimals, for JSON output.
  public static func rounded(_ value: Double, places: Int) -> Double {
    let scale = pow(10, Double(places))
    return (value * scale).rounded() / scale
  }
}
