import CapacityModel
import Foundation

/// A linear value axis with round tick values: steps of 1, 2, 2.5 or 5 × 10ⁿ, 5 to 8 ticks that
/// cover every finite value given (NaN and ±∞ are left out).
package struct NiceScale: Sendable, Equatable {
  /// The axis' ends: the first and last tick.
  package var lower: Double
  package var upper: Double
  package var ticks: [Double]
  /// Distance between ticks; decides the labels' decimals.
  package var step: Double

  /// Tick counts aimed at (both ends included).
  package static let tickCounts = 5...8
  private static let mantissas: [Double] = [1, 2, 2.5, 5]

  /// - Parameters: values: the data (non-finite values are ignored); includeZero: start a
  ///   positive axis at 0 (bars, rates) rather than near the smallest value.
  package init(_ values: [Double], includeZero: Bool = true) {
    let finite = values.filter(\.isFinite)
    var low = finite.min() ?? 0
    var high = finite.max() ?? 1
    if includeZero {
      low = min(low, 0)
      high = max(high, 0)
    }
    if high == low {
      // One value, or all equal: 0…1 around zero, else ±10 % around it.
      let pad = low == 0 ? 1 : abs(low) * 0.1
      if low == 0 {
        high = pad
      } else {
        low -= pad
        high += pad
      }
    }
    self = Self.fit(low: low, high: high)
  }

  private init(lower: Double, upper: Double, ticks: [Double], step: Double) {
    self.lower = lower
    self.upper = upper
    self.ticks = ticks
    self.step = step
  }

  /// The smallest nice step whose ticks over low…high number at most 8.
  private static func fit(low: Double, high: Double) -> NiceScale {
    let span = high - low
    let rough = span.isFinite && span > 0 ? span / Double(tickCounts.upperBound - 1) : 1
    var exponent = Int(Foundation.floor(log10(rough)))
    while true {
      for mantissa in mantissas {
        let step = Self.step(mantissa, exponent)
        // A hair of slack, so 0.07 / 0.01 = 7.000000000000001 counts as 7.
        let first = Foundation.floor(low / step + 1e-9)
        let last = Foundation.ceil(high / step - 1e-9)
        if last - first + 1 <= Double(tickCounts.upperBound) {
          let ticks = stride(from: first, through: last, by: 1).map { Self.tick($0, mantissa, exponent) }
          return NiceScale(lower: ticks.first ?? low, upper: ticks.last ?? high, ticks: ticks, step: step)
        }
      }
      exponent += 1
    }
  }

  /// mantissa × 10^exponent, rounded once (0.1 is 1 / 10, not 10⁻¹ read back).
  private static func step(_ mantissa: Double, _ exponent: Int) -> Double {
    exponent >= 0 ? mantissa * pow(10, Double(exponent)) : mantissa / pow(10, Double(-exponent))
  }

  /// The tick `index` steps from zero, computed so that 3 × 0.1 is 0.3.
  private static func tick(_ index: Double, _ mantissa: Double, _ exponent: Int) -> Double {
    let value =
      exponent >= 0
      ? index * mantissa * pow(10, Double(exponent)) : index * mantissa / pow(10, Double(-exponent))
    return value == 0 ? 0 : value
  }

  /// Where `value` falls between the ends, 0…1 (clamped).
  package func fraction(_ value: Double) -> Double {
    guard upper > lower else { return 0 }
    return min(max((value - lower) / (upper - lower), 0), 1)
  }

  /// Whether `value` is within the axis.
  package func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

  /// A tick's label: as many decimals as the step needs, thousands as k, M, G, T.
  package func label(_ value: Double) -> String {
    if value == 0 { return "0" }
    let magnitude = max(abs(lower), abs(upper))
    for (scale, suffix) in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
    where magnitude >= 10 * scale {
      return NumberFormat.decimal(value / scale, places: Self.decimals(step / scale)) + suffix
    }
    return NumberFormat.decimal(value, places: Self.decimals(step))
  }

  /// Decimals that show a step of this size exactly (2.5 needs one more than 2).
  private static func decimals(_ step: Double) -> Int {
    var places = 0
    var scaled = step
    while places < 12, abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
      scaled *= 10
      places += 1
    }
    return places
  }
}
