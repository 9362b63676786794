/// A compact, mergeable log-linear histogram of latencies with 3 significant digits: values are
/// counted in microseconds, exactly below 2048 µs and with ≤ 1/1024 relative bucket width above.
package struct HDRHistogram: Sendable, Equatable {
  private static let subBucketBits = 11
  private static let halfCount = 1 << (subBucketBits - 1)
  package private(set) var counts: [Int64] = []
  package private(set) var total: Int64 = 0

  @inline(__always)
  private static func index(_ micros: UInt64) -> Int {
    let magnitude = 63 - (micros | UInt64((1 << subBucketBits) - 1)).leadingZeroBitCount
    let shift = magnitude - (subBucketBits - 1)
    if shift == 0 { return Int(micros) }
    return shift * halfCount + Int(micros >> UInt64(shift))
  }

  /// The middle of the bucket at `index`, in microseconds.
  private static func value(at index: Int) -> Double {
    if index < 2 * halfCount { return Double(index) }
    let shift = index / halfCount - 1
    let sub = index - shift * halfCount
    let low = Double(UInt64(sub) << UInt64(shift))
    return low + Double(UInt64(1) << UInt64(shift)) / 2
  }

  /// Records every value of `values` (milliseconds), block by block.
  package mutating func record(_ values: ValueBlocks<Double>) {
    values.forEachBlock { block in
      for value in block { record(milliseconds: value) }
    }
  }

  package mutating func record(milliseconds: Double) {
    let micros = Self.microseconds(milliseconds)
    let index = Self.index(micros)
    if index >= counts.count { counts += [Int64](repeating: 0, count: index + 1 - counts.count) }
    counts[index] += 1
    total += 1
  }

  /// `UInt64(max(0, (milliseconds * 1000).rounded()))` without the libm call `rounded()` is on
  /// baseline x86-64 (once a value of every timed phase past the exact budget): below 2⁵² the
  /// fraction is exact, and half rounds away from zero.
  @inline(__always)
  static func microseconds(_ milliseconds: Double) -> UInt64 {
    let scaled = milliseconds * 1000
    guard scaled >= 0, scaled < 0x1p52 else { return UInt64(max(0, scaled.rounded())) }
    // Through Int64: x86-64 converts signed integers in one instruction, unsigned ones in ten.
    let whole = Int64(scaled)
    return UInt64(scaled - Double(whole) >= 0.5 ? whole + 1 : whole)
  }

  package mutating func merge(_ other: HDRHistogram) {
    if other.counts.count > counts.count {
      counts += [Int64](repeating: 0, count: other.counts.count - counts.count)
    }
    for (index, count) in other.counts.enumerated() where count > 0 { counts[index] += count }
    total += other.total
  }

  /// The value (ms) of the `rank`-th smallest recorded value, 0-based.
  package func value(rank: Int64) -> Double? {
    guard rank >= 0, rank < total else { return nil }
    var seen: Int64 = 0
    for (index, count) in counts.enumerated() where count > 0 {
      seen += count
      if seen > rank { return Self.value(at: index) / 1000 }
    }
    return nil
  }

  /// R-7 percentile over the bucketed values.
  package func quantile(_ quantile: Double) -> Double? {
    ExactPercentiles.interpolate(count: Int(total), quantile: quantile) { value(rank: Int64($0)) }
  }

  package init(counts: [Int64] = [], total: Int64 = 0) {
    self.counts = counts
    self.total = total
  }
}
