import CapacityModel

/// Number helpers shared by the SVG charts.
package enum ChartScale {
  /// Coordinates with one decimal, POSIX.
  package static func format(_ value: Double) -> String { NumberFormat.decimal(value, places: 1) }

  package static func axisLabel(_ value: Double) -> String {
    NumberFormat.decimal(value, places: value < 10 && value != value.rounded() ? 1 : 0)
  }

  /// 1, 2 or 5 × 10^n at or above `value`, so axis ends are round numbers.
  package static func niceCeiling(_ value: Double) -> Double {
    guard value > 0 else { return 1 }
    var magnitude = 1.0
    while magnitude * 10 <= value { magnitude *= 10 }
    while magnitude > value { magnitude /= 10 }
    for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= value { return factor * magnitude }
    return 10 * magnitude
  }
}
