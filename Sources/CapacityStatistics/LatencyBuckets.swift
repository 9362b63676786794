/// The log-scale buckets of `WindowHistograms` that a run's latencies can fall in, from the
/// bucket of its fastest request to that of its slowest: the per-window tables hold only these
/// (an hour of 5 s windows over all 2 240 buckets is 6.5 MB a table; a run from 1 ms to 30 s
/// needs 960 of them).
package struct LatencyBuckets: Sendable, Equatable {
  /// Global index (`WindowHistograms.bucket`) of the first bucket kept.
  package let first: Int
  /// Buckets kept: the width of one window's row.
  package let count: Int

  /// Every bucket.
  package static let all = LatencyBuckets(first: 0, count: WindowHistograms.bucketCount)

  private init(first: Int, count: Int) {
    self.first = first
    self.count = count
  }

  /// The buckets from that of `fastest` to that of `slowest`, milliseconds; every bucket when
  /// there are no latencies (`fastest` > `slowest`, as for an empty run's ±infinity).
  package init(fastest: Double, slowest: Double) {
    guard fastest <= slowest else {
      self = .all
      return
    }
    let low = WindowHistograms.bucket(fastest)
    self.init(first: low, count: WindowHistograms.bucket(slowest) - low + 1)
  }

  /// Offset of `milliseconds`' bucket in a window's row; values outside the range go to its ends.
  @inline(__always)
  package func offset(_ milliseconds: Double) -> Int {
    min(max(WindowHistograms.bucket(milliseconds) - first, 0), count - 1)
  }

  /// The middle of the bucket at `offset` in a window's row, milliseconds.
  package func value(atOffset offset: Int) -> Double {
    WindowHistograms.value(ofBucket: first + offset)
  }
}
