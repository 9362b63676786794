/// A percentage with one decimal, stored exactly as tenths of a percent (`1117` prints as `111.7`).
public struct Percent: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The value in tenths of a percent.
  public var tenths: Int64

  /// Creates a percentage from tenths of a percent.
  public init(tenths: Int64) {
    self.tenths = tenths
  }

  /// `part` as a percentage of `whole`, exact integer arithmetic rounded half up to one decimal;
  /// a positive part of a zero or negative whole saturates to `Int64.max` tenths.
  public static func of(_ part: Int64, in whole: Int64) -> Percent {
    guard whole > 0 else { return Percent(tenths: part > 0 ? .max : 0) }
    let numerator = Int128(part) * 2000 + Int128(whole)
    let denominator = Int128(whole) * 2
    // Floor division, so negative parts round half up too.
    var tenths = numerator / denominator
    if numerator % denominator != 0, numerator < 0 { tenths -= 1 }
    return Percent(tenths: Int64(clamping: tenths))
  }

  /// One decimal, POSIX style: `111.7`, `75.0`, `-2.5`.
  public var description: String {
    let sign = tenths < 0 ? "-" : ""
    let magnitude = tenths.magnitude
    return "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }

  public static func < (lhs: Percent, rhs: Percent) -> Bool { lhs.tenths < rhs.tenths }
}
