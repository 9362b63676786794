import Foundation

/// Two-sided Mann-Whitney U test.
///
/// Small samples (n1 + n2 ≤ `exactLimit`) get the exact permutation distribution of the rank sum,
/// counted over every way to split the pooled mid-ranks: without ties this is the exact U
/// distribution (`scipy.stats.mannwhitneyu(x, y, method="exact")`); with ties it is the exact
/// distribution conditional on the ties, where scipy's `"exact"` would ignore them — the same as
/// `mannwhitneyu(x, y, method=scipy.stats.PermutationMethod(n_resamples=numpy.inf))`. Two-sided
/// p = min(1, 2 · the smaller tail). Larger samples use the normal approximation with tie and
/// continuity correction (`method="asymptotic"`).
public struct MannWhitneyU: Sendable, Equatable {
  /// How the p-value was found.
  public enum Method: String, Sendable, Codable {
    case exact
    case asymptotic
  }

  /// Pooled sizes up to this use the exact distribution (about n1·n2·(n1+n2) steps).
  public static let exactLimit = 60

  /// U statistic of the first sample.
  public var u: Double
  /// Two-sided p-value.
  public var pValue: Double
  public var method: Method

  public init?(_ x: [Double], _ y: [Double], exactLimit: Int = MannWhitneyU.exactLimit) {
    let n1 = Double(x.count)
    let n2 = Double(y.count)
    guard n1 > 0, n2 > 0 else { return nil }
    let ranks = Self.ranks(of: x + y)
    let rankSum = ranks.prefix(x.count).reduce(0, +)
    u = rankSum - n1 * (n1 + 1) / 2
    if x.count + y.count <= exactLimit {
      method = .exact
      pValue = Self.exactPValue(ranks: ranks, firstCount: x.count)
      return
    }
    method = .asymptotic
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

  /// Exact two-sided p of the first sample's rank sum: the share of all C(n, k) splits of the pooled
  /// mid-ranks whose first part sums at least (and at most) as far out as the observed one.
  package static func exactPValue(ranks: [Double], firstCount k: Int) -> Double {
    // Mid-ranks are multiples of ½: doubled they are integers, so sums compare exactly.
    let doubled = ranks.map { Int(($0 * 2).rounded()) }
    let observed = doubled.prefix(k).reduce(0, +)
    let maximum = doubled.sorted(by: >).prefix(k).reduce(0, +)
    // ways[j][s]: subsets of the ranks seen so far with j members summing to s (as Double: the
    // counts reach C(60, 30) ≈ 1.2e17, and only their ratios matter).
    var ways = [[Double]](repeating: [Double](repeating: 0, count: maximum + 1), count: k + 1)
    ways[0][0] = 1
    for (index, rank) in doubled.enumerated() {
      for members in stride(from: min(index + 1, k), through: 1, by: -1) {
        let previous = ways[members - 1]
        for sum in stride(from: maximum, through: rank, by: -1) where previous[sum - rank] != 0 {
          ways[members][sum] += previous[sum - rank]
        }
      }
    }
    let counts = ways[k]
    let total = counts.reduce(0, +)
    let upper = counts[observed...].reduce(0, +)
    let lower = counts[...observed].reduce(0, +)
    return min(1, 2 * min(upper, lower) / total)
  }

  /// Average ranks (1-based), ties sharing the mean of their positions.
  package static func ranks(of values: [Double]) -> [Double] {
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
