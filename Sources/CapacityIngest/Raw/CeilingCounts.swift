import CapacityModel

/// One label's successful requests by latency ceiling (`LatencyCounts.ceiling`), counted in the
/// raw-log hot loop: whole milliseconds up to a minute in a flat array, the rest (whole seconds
/// above a minute, and ceilings the array has not grown to yet) in a small dictionary. A
/// dictionary increment per request was a hash and a probe; an array slot is an add.
///
/// The array grows to the ceilings met, but never past 64 slots more than the label has
/// successes, so a label costs at most 8 bytes per successful request however its latencies fall.
package struct CeilingCounts {
  private var dense: [Int64] = []
  private var sparse: [Int64: Int64] = [:]
  private var successes = 0

  package init() {}

  @inline(__always)
  package mutating func add(_ latencyMs: Double) {
    let ceiling = LatencyCounts.ceiling(latencyMs)
    successes += 1
    if ceiling < dense.count {
      dense[Int(ceiling)] += 1
    } else if ceiling <= LatencyCounts.wholeMillisecondsUpTo, ceiling < 64 + successes {
      grow(to: Int(ceiling))
      dense[Int(ceiling)] += 1
    } else {
      sparse[ceiling, default: 0] += 1
    }
  }

  /// Makes room up to `ceiling`: at least doubling, within the bounds above.
  private mutating func grow(to ceiling: Int) {
    let limit = min(Int(LatencyCounts.wholeMillisecondsUpTo) + 1, 64 + successes)
    let size = min(limit, max(ceiling + 1, 2 * dense.count))
    dense.reserveCapacity(size)
    dense += repeatElement(0, count: size - dense.count)
  }

  /// Adds these counts to a ceiling → requests table.
  package func add(into table: inout [Int64: Int64]) {
    for (ceiling, count) in dense.enumerated() where count > 0 { table[Int64(ceiling), default: 0] += count }
    table.merge(sparse, uniquingKeysWith: +)
  }
}
