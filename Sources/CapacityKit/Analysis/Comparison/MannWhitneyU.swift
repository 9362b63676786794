import Foundation

/// Two-sided Mann-Whitney U test, normal approximation with tie and continuity correction
/// (the same as `scipy.stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic")`).
public struct MannWhitneyU: Sendable, Equatable {
  /// U statistic of the first sample.
  public var u: Double
  /// Two-sided p-value.
  public var pValue: Double

  public init?(_ x: [Double], _ y: [Double]) {
    let n1 = Double(x.count)
    let n2 = Double(y.count)
    guard n1 > 0, n2 > 0 else { return nil }
    let ranks = Self.ranks(of: x + y)
    let rankSum = ranks.prefix(x.count).reduce(0, +)
    u = rankSum - n1 * (n1 + 1) / 2
    let mean = n1 * n2 / 2
    let tieTerm = Self.tieCounts(of: x + y).reduce(0.0) { $0 + ($1 * $1 * $1 - $1) }
    let n = n1 + n2
    let variance = n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)))
    guard variance > 0 else {
      pValue = 1
      return
    }
    // scipy: z = (max(U1, U2) - mean - 0.5) / sd, p = 2 * sf(z), clipped to 1.
    let bigU = max(u, n1 * n2 - u)
    let z = (bigU - mean - 0.5) / variance.squareRoot()
    pValue = min(1, 2 * 0.5 * erfc(z / 2.0.squareRoot()))
  }

  /// Average ranks (1-based), ties sharing the mean of their positions.
  static func ranks(of values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
      let rank = Double(start + end) / 2 + 1
      for position in start...end { ranks[order[position]] = rank }
      start = end + 1
    }
    return ranks
  }

  private static func tieCounts(of values: [Double]) -> [Double] {
    var counts: [Double: Int] = [:]
    for value in values { counts[value, default: 0] += 1 }
    return counts.values.filter { $0 > 1 }.map(Double.init)
  }
}
