import CapacityModel

/// Exact percentiles by linear interpolation between closest ranks (Hyndman–Fan type 7, as
/// numpy's default and DuckDB `quantile_cont`): with `h = (n − 1)·q`,
/// `q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])` over the sorted values.
package enum ExactPercentiles {
  /// The quantiles every raw-log endpoint reports.
  package static let reported: [Double] = [0.5, 0.9, 0.95, 0.99, 0.999]

  /// R-7 given a way to fetch the `k`-th smallest value (0-based).
  package static func interpolate(count: Int, quantile: Double, orderStatistic: (Int) -> Double?) -> Double? {
    guard count > 0 else { return nil }
    let h = Double(count - 1) * quantile
    let lowRank = Int(h.rounded(.down))
    guard let low = orderStatistic(lowRank) else { return nil }
    guard lowRank + 1 < count, let high = orderStatistic(lowRank + 1) else { return low }
    return low + (high - low) * (h - Double(lowRank))
  }

  /// R-7 over one sorted buffer.
  package static func quantile(sorted values: UnsafeBufferPointer<Double>, _ quantile: Double) -> Double? {
    interpolate(count: values.count, quantile: quantile) { values[$0] }
  }

  /// R-7 over the union of several sorted buffers, without merging them: each order statistic
  /// is found by bisecting the order-preserving integer image of the doubles.
  package static func quantile(sortedParts parts: [UnsafeBufferPointer<Double>], _ quantile: Double)
    -> Double?
  {
    let parts = parts.filter { !$0.isEmpty }
    if parts.count == 1 { return self.quantile(sorted: parts[0], quantile) }
    let count = parts.reduce(0) { $0 + $1.count }
    // R-7 asks for ranks ⌊h⌋ and ⌊h⌋ + 1: the second is the first's successor, found without a
    // second bisection.
    var previous: (rank: Int, key: UInt64)?
    return interpolate(count: count, quantile: quantile) { rank in
      if let previous, rank == previous.rank + 1 {
        return value(ofKey: successor(previous.key, rank: rank, in: parts))
      }
      let found = orderStatistic(rank, in: parts)
      previous = found.map { (rank, key($0)) }
      return found
    }
  }

  /// `quantiles` of each set of sorted buffers, every (set, quantile) bisected on its own and
  /// spread over the cores: a run's labels and its total ask for 60-odd, each a few ms.
  package static func quantiles(sortedParts sets: [[UnsafeBufferPointer<Double>]], _ quantiles: [Double])
    -> [[Double?]]
  {
    let shared = Unchecked(value: sets)
    let results = Concurrently.map(sets.count * quantiles.count) { task in
      quantile(sortedParts: shared.value[task / quantiles.count], quantiles[task % quantiles.count])
    }
    return sets.indices.map { Array(results[($0 * quantiles.count)..<(($0 + 1) * quantiles.count)]) }
  }

  /// The key of the `rank`-th smallest value when `key` is that of the one just below it: the
  /// same key while it still covers `rank`, else the smallest key above it in any part.
  private static func successor(_ key: UInt64, rank: Int, in parts: [UnsafeBufferPointer<Double>]) -> UInt64 {
    var atMost = 0
    var next = UInt64.max
    for part in parts {
      let index = countAtMost(key, in: part)
      atMost += index
      if index < part.count { next = min(next, self.key(part[index])) }
    }
    return atMost > rank ? key : next
  }

  /// The `rank`-th smallest value (0-based) of the union of sorted buffers.
  package static func orderStatistic(_ rank: Int, in parts: [UnsafeBufferPointer<Double>]) -> Double? {
    guard var low = parts.map({ key($0[0]) }).min(), var high = parts.map({ key($0[$0.count - 1]) }).max()
    else { return nil }
    while low < high {
      let middle = low + (high - low) / 2
      var atMost = 0
      for part in parts { atMost += countAtMost(middle, in: part) }
      if atMost > rank { high = middle } else { low = middle + 1 }
    }
    return value(ofKey: low)
  }

  /// How many values of a sorted buffer have a key ≤ `limit`.
  private static func countAtMost(_ limit: UInt64, in part: UnsafeBufferPointer<Double>) -> Int {
    var low = 0
    var high = part.count
    while low < high {
      let middle = (low + high) / 2
      if key(part[middle]) <= limit { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// An unsigned integer that sorts like the double.
  @inline(__always) package static func key(_ value: Double) -> UInt64 {
    let bits = value.bitPattern
    return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
  }

  @inline(__always) package static func value(ofKey key: UInt64) -> Double {
    Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
  }
}
