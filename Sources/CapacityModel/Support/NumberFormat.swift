import Foundation

/// Locale-independent number formatting for reports: always `.` as the decimal separator.
public enum NumberFormat {
  /// `%.0f` … `%.20f`, built once: charts format every coordinate, and a format string
  /// interpolated per call was an allocation per number.
  private static let formats: [String] = (0...20).map { "%.\($0)f" }

  /// `value` with exactly `places` decimals, POSIX style.
  public static func decimal(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Inf" : "-Inf") }
    if let units = exactUnits(value, places: places) {
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
        let digits = digits(units, places: places, negative: value < 0, into: buffer)
        return String(decoding: digits, as: UTF8.self)
      }
    }
    return formatted(value, places: places)
  }

  /// Appends what `decimal(value, places:)` returns to `bytes`, without making a String where the
  /// digits are certain: a chart writes tens of thousands of coordinates.
  public static func appendDecimal(_ value: Double, places: Int, to bytes: inout [UInt8]) {
    guard value.isFinite, let units = exactUnits(value, places: places) else {
      bytes.append(contentsOf: decimal(value, places: places).utf8)
      return
    }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
      bytes.append(contentsOf: digits(units, places: places, negative: value < 0, into: buffer))
    }
  }

  /// Appends `value`'s decimal digits (and its sign) to `bytes`, as `String(value)` writes them.
  public static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
      bytes.append(contentsOf: digits(value.magnitude, places: 0, negative: value < 0, into: buffer))
    }
  }

  /// `%.Nf` by printf, for the values `exactUnits` leaves to it.
  private static func formatted(_ value: Double, places: Int) -> String {
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

  /// 10⁰ … 10⁶, the scales `exactUnits` takes.
  private static let scales: [Double] = (0...6).map { pow(10, Double($0)) }

  /// What `%.Nf` writes, without printf, where plain double arithmetic decides the rounding
  /// exactly: 1 ≤ |value| and |value| · 10^places < 2⁵². There the distance from the scaled value
  /// to a whole number is a multiple of the value's ulp below 1, so a fused multiply-add gives it
  /// exactly and the nearest whole number (ties to even, as glibc's printf rounds) is certain.
  /// `nil` elsewhere (tiny values, huge values, many places): printf decides.
  private static func exactUnits(_ value: Double, places: Int) -> UInt64? {
    guard places >= 0, places < scales.count else { return nil }
    let magnitude = value.magnitude
    let scale = scales[places]
    guard magnitude >= 1, magnitude * scale < 4_503_599_627_370_496 else { return nil }
    let whole = (magnitude * scale).rounded()
    let error = (-whole).addingProduct(magnitude, scale)
    // `whole` is at least 1 and below 2⁵², so its parity is its integer's.
    let units = UInt64(whole)
    let odd = units & 1 == 1
    if error > 0.5 || (error == 0.5 && odd) { return units + 1 }
    if error < -0.5 || (error == -0.5 && odd) { return units - 1 }
    return units
  }

  /// `units` / 10^places written with `places` decimals at the end of `buffer` (32 bytes).
  private static func digits(
    _ units: UInt64, places: Int, negative: Bool, into buffer: UnsafeMutableBufferPointer<UInt8>
  ) -> UnsafeMutableBufferPointer<UInt8> {
    var position = buffer.count
    var rest = units
    var written = 0
    repeat {
      if written == places, places > 0 {
        position -= 1
        buffer[position] = UInt8(ascii: ".")
      }
      position -= 1
      buffer[position] = UInt8(truncatingIfNeeded: rest % 10) + UInt8(ascii: "0")
      rest /= 10
      written += 1
    } while rest > 0 || written <= places
    if negative {
      position -= 1
      buffer[position] = UInt8(ascii: "-")
    }
    return UnsafeMutableBufferPointer(rebasing: buffer[position...])
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
