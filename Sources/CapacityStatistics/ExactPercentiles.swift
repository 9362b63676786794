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

  /// Sorts latencies for the quantiles above, as the standard library would, bit for bit, when
  /// every value is a whole, non-negative number of milliseconds (JMeter's `elapsed`, `Latency`
  /// and `Connect` always are): by counting within a narrow range (one pass to count, one to
  /// write back), by an 11-bit radix sort of the offsets from the smallest value within a wider
  /// one (two or three passes), where a comparison sort takes log₂ n. Any other values (fractions,
  /// −0, NaN) and small segments are sorted by comparison. Equal values are bit-identical here, so
  /// order among them cannot differ.
  package static func sort(_ values: UnsafeMutableBufferPointer<Double>) {
    guard values.count >= 64, let range = wholeMilliseconds(values) else {
      var values = values
      values.sort()
      return
    }
    let spread = range.upperBound - range.lowerBound
    if spread < 1 << 18, spread < 8 * values.count {
      countingSort(values, range)
    } else if values.count >= 1024, spread < 1 << 32 {
      radixSort(values, low: range.lowerBound, spread: spread)
    } else {
      var values = values
      values.sort()
    }
  }

  private static func countingSort(_ values: UnsafeMutableBufferPointer<Double>, _ range: ClosedRange<Int>) {
    let counts = UnsafeMutableBufferPointer<UInt32>.allocate(
      capacity: range.upperBound - range.lowerBound + 1)
    defer { counts.deallocate() }
    counts.initialize(repeating: 0)
    for value in values { counts[Int(value) - range.lowerBound] &+= 1 }
    var cursor = 0
    for offset in counts.indices where counts[offset] != 0 {
      let value = Double(range.lowerBound + offset)
      for _ in 0..<Int(counts[offset]) {
        values[cursor] = value
        cursor += 1
      }
    }
  }

  /// Least significant digit first, 11 bits a pass, over `UInt32` offsets from `low` (`spread`
  /// below 2³²). The keys live in the values' own memory, its first half the source of a pass
  /// and its second the target (eight bytes a value hold two keys), so a segment of millions
  /// costs no memory beyond the digit counts.
  private static func radixSort(_ values: UnsafeMutableBufferPointer<Double>, low: Int, spread: Int) {
    let count = values.count
    let raw = UnsafeMutableRawPointer(values.baseAddress!)
    // Key i goes to bytes 4i..<4i+4, at or below value i's own, which is read first.
    for index in 0..<count {
      let value = raw.load(fromByteOffset: 8 * index, as: Double.self)
      raw.storeBytes(
        of: UInt32(truncatingIfNeeded: Int(value) - low), toByteOffset: 4 * index, as: UInt32.self)
    }
    let digits = 1 << 11
    let starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: digits)
    defer { starts.deallocate() }
    var source = 0
    var target = 4 * count
    var shift = 0
    while shift == 0 || spread >> shift != 0 {
      starts.initialize(repeating: 0)
      for index in 0..<count {
        let key = raw.load(fromByteOffset: source + 4 * index, as: UInt32.self)
        starts[Int((key >> UInt32(shift)) & UInt32(digits - 1))] += 1
      }
      var position = 0
      for digit in 0..<digits {
        let size = starts[digit]
        starts[digit] = position
        position += size
      }
      for index in 0..<count {
        let key = raw.load(fromByteOffset: source + 4 * index, as: UInt32.self)
        let digit = Int((key >> UInt32(shift)) & UInt32(digits - 1))
        raw.storeBytes(of: key, toByteOffset: target + 4 * starts[digit], as: UInt32.self)
        starts[digit] += 1
      }
      swap(&source, &target)
      shift += 11
    }
    // Writing value i clobbers keys 2i and 2i + 1 of the first half (so from the top down) or
    // keys 2i − n and 2i − n + 1 of the second (so from the bottom up): each is read before.
    let keys = source
    func writeBack(_ index: Int) {
      let key = raw.load(fromByteOffset: keys + 4 * index, as: UInt32.self)
      raw.storeBytes(of: Double(low + Int(key)), toByteOffset: 8 * index, as: Double.self)
    }
    if keys == 0 {
      for index in stride(from: count - 1, through: 0, by: -1) { writeBack(index) }
    } else {
      for index in 0..<count { writeBack(index) }
    }
  }

  /// The smallest and largest value when all are whole numbers from +0 up (below 10¹⁵); `nil`
  /// otherwise (fractions, −0, NaN, infinities).
  private static func wholeMilliseconds(_ values: UnsafeMutableBufferPointer<Double>) -> ClosedRange<Int>? {
    var low = Double.infinity
    var high = -Double.infinity
    for value in values {
      // In this order: the range first (NaN fails it), so the conversion cannot trap; a
      // conversion, not `rounded`, which is a libm call on baseline x86-64.
      guard value.bitPattern == 0 || value > 0, value < 1e15, Double(Int64(value)) == value else {
        return nil
      }
      low = min(low, value)
      high = max(high, value)
    }
    return Int(low)...Int(high)
  }

  /// `sort` of an array.
  package static func sort(_ values: inout [Double]) {
    values.withUnsafeMutableBufferPointer { sort($0) }
  }

  /// The key of the `rank`-th smallest value when `key` is that of the one just below it: the
  /// same key while it still covers `rank`, else the smallest key above it in any part.
  private static func successor(_ key: UInt64, rank: Int, in parts: [UnsafeBufferPointer<Double>]) -> UInt64 {
    var atMost = 0
    var next = UInt64.max
    for part in parts {
      let index = firstIndex(keyAbove: key, orEqual: false, in: part, 0..<part.count)
      atMost += index
      if index < part.count { next = min(next, self.key(part[index])) }
    }
    return atMost > rank ? key : next
  }

  /// The `rank`-th smallest value (0-based, clamped to the values there are) of the union of
  /// sorted buffers. Each round takes the middle of the widest window left as the pivot, counts
  /// the values below and at it by binary searches within each part's window, and keeps the side
  /// the rank lies on: the windows shrink each round, so the searches grow cheap (a run's total
  /// is a hundred parts, and bisecting the whole key range cost 64 full searches of each).
  package static func orderStatistic(_ rank: Int, in parts: [UnsafeBufferPointer<Double>]) -> Double? {
    let total = parts.reduce(0) { $0 + $1.count }
    guard total > 0 else { return nil }
    let rank = min(max(rank, 0), total - 1)
    var windows = parts.map { (start: 0, end: $0.count) }
    var cuts = windows
    var before = 0
    while true {
      var widest = 0
      for index in windows.indices
      where windows[index].end - windows[index].start > windows[widest].end - windows[widest].start {
        widest = index
      }
      let pivot = key(parts[widest][(windows[widest].start + windows[widest].end) / 2])
      var below = before
      var atMost = before
      for index in parts.indices {
        let window = windows[index]
        let first = firstIndex(keyAbove: pivot, orEqual: true, in: parts[index], window.start..<window.end)
        let past = firstIndex(keyAbove: pivot, orEqual: false, in: parts[index], first..<window.end)
        below += first - window.start
        atMost += past - window.start
        cuts[index] = (first, past)
      }
      if rank >= below, rank < atMost { return value(ofKey: pivot) }
      var shrunk = false
      for index in windows.indices {
        let kept =
          rank < below ? (windows[index].start, cuts[index].start) : (cuts[index].end, windows[index].end)
        shrunk = shrunk || kept != windows[index]
        windows[index] = kept
      }
      if rank >= atMost { before = atMost }
      // Only a part out of key order (-0 after +0, which sort as equal) leaves every window whole:
      // the pivot is then as near as its parts allow.
      if !shrunk { return value(ofKey: pivot) }
    }
  }

  /// The first index in `range` of a sorted buffer whose key is above `limit` (or equal to it,
  /// with `orEqual`); `range.upperBound` when there is none.
  private static func firstIndex(
    keyAbove limit: UInt64, orEqual: Bool, in part: UnsafeBufferPointer<Double>, _ range: Range<Int>
  ) -> Int {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high {
      let middle = (low + high) / 2
      let candidate = key(part[middle])
      if candidate > limit || (orEqual && candidate == limit) { high = middle } else { low = middle + 1 }
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
