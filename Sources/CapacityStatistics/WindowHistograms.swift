import CapacityModel

/// Latency percentiles per fixed time window of a raw request log, from log-scale buckets:
/// 64 linear sub-buckets per power of two, so a value is off by at most 1/64 (1.6 %). Enough to
/// compare runs window by window and to see p95 recover after a fault, at a fixed few kilobytes per
/// window, where keeping every latency a second time would break the memory budget.
package struct WindowHistograms {
  /// Sub-buckets per power of two: 2^subBucketBits.
  package static let subBucketBits = 6
  package static let subBuckets = 1 << subBucketBits
  /// Powers of two covered, in milliseconds: 2^-10 (≈ 1 µs) to 2^24 (≈ 4.7 h).
  package static let lowestExponent = -10
  package static let highestExponent = 24
  package static let bucketCount = (highestExponent - lowestExponent + 1) * subBuckets
  /// At most this many windows; longer runs get longer windows.
  package static let maximumWindows = 1_000

  /// Unix second of the first timeline tick.
  package let base: Int64
  /// Window length, seconds (10, or a multiple of 10 for very long runs).
  package let windowSeconds: Int
  /// The buckets each window's row holds.
  package let buckets: LatencyBuckets
  private var counts: [UInt32]
  private let windows: Int

  /// - Parameters:
  ///   - seconds: the timeline's length, seconds.
  ///   - buckets: the buckets the run's latencies fall in.
  package init(base: Int64, seconds: Int, buckets: LatencyBuckets = .all) {
    self.base = base
    self.buckets = buckets
    windowSeconds = Self.windowLength(seconds: seconds)
    windows = max(1, (seconds + windowSeconds - 1) / windowSeconds)
    counts = [UInt32](repeating: 0, count: windows * buckets.count)
  }

  /// The window length for a timeline of `seconds`: 10 s, or the multiple of 10 s that keeps the
  /// windows within `maximumWindows`.
  package static func windowLength(seconds: Int) -> Int {
    var length = 10
    while (seconds + length - 1) / length > maximumWindows { length += 10 }
    return length
  }

  /// The seconds from `base` the windows cover: values past them are not counted.
  package var coveredSeconds: Int { windows * windowSeconds }

  /// Adds the counts of finer windows (row `r` of `finer` covers seconds `r·finerSeconds ..<
  /// (r + 1)·finerSeconds` from `base`, in `buckets`' layout) to the windows they fall in: the same
  /// counts as recording their values one by one, without a second pass over the values. `finer`
  /// must reach `coveredSeconds` (a shorter table would drop values silently); rows past it are
  /// left out, as their values would be.
  package mutating func add(finer: UnsafeBufferPointer<UInt32>, finerSeconds: Int) {
    precondition(windowSeconds % finerSeconds == 0, "finer windows must divide these windows")
    let width = buckets.count
    let rows = coveredSeconds / finerSeconds
    precondition(finer.count >= rows * width, "finer windows must reach as far as these")
    counts.withUnsafeMutableBufferPointer { counts in
      for row in 0..<rows {
        let target = (row * finerSeconds / windowSeconds) * width
        for offset in 0..<width { counts[target + offset] &+= finer[row * width + offset] }
      }
    }
  }

  /// The bucket of `milliseconds`: its binary exponent and the top `subBucketBits` bits of its
  /// significand, read from the bits (`exponent` and `significand` were calls, per request). A
  /// subnormal has biased exponent 0, below the lowest, as its `exponent` is.
  @inline(__always)
  package static func bucket(_ milliseconds: Double) -> Int {
    guard milliseconds > 0, milliseconds.isFinite else { return 0 }
    let bits = milliseconds.bitPattern
    let exponent = Int(truncatingIfNeeded: (bits >> 52) & 0x7FF) - 1023
    if exponent < lowestExponent { return 0 }
    if exponent > highestExponent { return bucketCount - 1 }
    let sub = Int(truncatingIfNeeded: (bits >> UInt64(52 - subBucketBits)) & UInt64(subBuckets - 1))
    return (exponent - lowestExponent) * subBuckets + sub
  }

  /// The middle of a bucket, milliseconds.
  package static func value(ofBucket index: Int) -> Double {
    let exponent = index / subBuckets + lowestExponent
    let sub = Double(index % subBuckets)
    return Double(sign: .plus, exponent: exponent, significand: 1 + (sub + 0.5) / Double(subBuckets))
  }

  /// Counts a value; `second` holds the low 32 bits of its Unix second (as the raw parsers keep it).
  /// The summary makes its windows with `add(finer:finerSeconds:)`; this one-value definition is
  /// what the tests check that against.
  package mutating func record(_ milliseconds: Double, second: UInt32) {
    let offset = Int(second &- UInt32(truncatingIfNeeded: base))
    let window = offset / windowSeconds
    guard window >= 0, window < windows else { return }
    counts[window * buckets.count + buckets.offset(milliseconds)] &+= 1
  }

  /// p50, p95 and p99 of the window holding timeline tick `tick` (0-based seconds from `base`).
  package func percentiles(atTick tick: Int) -> [PercentileValue] {
    let window = tick / windowSeconds
    guard window >= 0, window < windows else { return [] }
    return counts.withUnsafeBufferPointer { all in
      let slice = UnsafeBufferPointer(
        rebasing: all[(window * buckets.count)..<((window + 1) * buckets.count)])
      var total = 0
      for count in slice { total += Int(count) }
      guard total > 0 else { return [] }
      return [0.5, 0.95, 0.99].map { quantile in
        // The bucket holding rank ⌊q·(n−1)⌋, as R-7 rounds down before interpolating.
        let rank = Int((quantile * Double(total - 1)).rounded(.down))
        var seen = 0
        for offset in 0..<slice.count where slice[offset] > 0 {
          seen += Int(slice[offset])
          if seen > rank {
            return PercentileValue(quantile: quantile, valueMs: buckets.value(atOffset: offset))
          }
        }
        return PercentileValue(quantile: quantile, valueMs: nil)
      }
    }
  }
}
