import CapacityModel
import CapacityStatistics

/// Counts a raw log's latencies into short fixed windows (5 s; longer for very long runs, so a run
/// never has more than `maximumWindows`), per endpoint and for all requests, in the log-scale
/// buckets of `WindowHistograms`. One endpoint is counted at a time, so memory stays at two
/// windows × buckets tables whatever the number of endpoints or requests.
package struct RequestWindowBuilder {
  package static let windowSeconds = 5
  package static let maximumWindows = 2_000
  /// Endpoints that get a series of their own (the most requests first); the rest count in the
  /// total only, so a run with thousands of labels stores thousands of rows, not millions.
  static let maximumEndpointSeries = 100

  /// Unix second of the first timeline tick.
  package let base: Int64
  package let seconds: Int
  package let windowCount: Int
  /// The buckets each window's row holds.
  package let buckets: LatencyBuckets
  /// Windows in `total`: `windowCount`, or more to cover `totalSeconds`.
  private let totalWindows: Int
  private var total: [UInt32]
  private var scratch: [UInt32]
  /// Per window of the scratch table, the lowest and highest bucket offsets counted in it
  /// (`high` < 0: none), so reading and clearing a window covers only those.
  private var spans: [(low: Int32, high: Int32)]
  private var touchedWindows: [Int] = []
  package private(set) var endpoints: [RequestWindowSeries] = []
  private static let untouched: (low: Int32, high: Int32) = (.max, -1)

  /// - Parameters:
  ///   - timelineSeconds: the timeline's length, seconds.
  ///   - buckets: the buckets the run's latencies fall in.
  ///   - totalSeconds: the seconds from `base` the count of all requests covers, at least the
  ///     windows' own: the `coveredSeconds` of the histograms `addTotal(to:)` will be given.
  package init(base: Int64, timelineSeconds: Int, buckets: LatencyBuckets = .all, totalSeconds: Int) {
    let length = Self.windowLength(timelineSeconds: timelineSeconds)
    self.base = base
    self.buckets = buckets
    seconds = length
    windowCount = max(1, (timelineSeconds + length - 1) / length)
    totalWindows = max(windowCount, (totalSeconds + length - 1) / length)
    // Two allocations, not `scratch = total`: shared, the first count would copy the table.
    total = [UInt32](repeating: 0, count: totalWindows * buckets.count)
    scratch = [UInt32](repeating: 0, count: windowCount * buckets.count)
    spans = Array(repeating: Self.untouched, count: windowCount)
  }

  /// The window length for a timeline of `timelineSeconds`: 5 s, or the multiple of 5 s that keeps
  /// the windows within `maximumWindows`.
  package static func windowLength(timelineSeconds: Int) -> Int {
    var length = windowSeconds
    while (timelineSeconds + length - 1) / length > maximumWindows { length += windowSeconds }
    return length
  }

  /// Counts one endpoint's latencies (its parts' values with their Unix seconds' low 32 bits).
  /// Its counts go to a scratch table that is cleared window by window afterwards, so an
  /// endpoint costs its values and the windows it touches, not the whole table.
  package mutating func add(
    method: String, name: String, ownSeries: Bool = true,
    parts: [(values: ValueBlocks<Double>, seconds: ValueBlocks<UInt32>)]
  ) {
    let width = buckets.count
    count(parts, ownSeries: ownSeries)
    guard ownSeries else { return }
    var windows = [RequestWindow](
      repeating: RequestWindow(requests: 0, p50Ms: nil, p95Ms: nil), count: windowCount)
    for window in touchedWindows {
      let (low, high) = (Int(spans[window].low), Int(spans[window].high))
      let range = (window * width + low)...(window * width + high)
      scratch.withUnsafeMutableBufferPointer { scratch in
        let counts = UnsafeMutableBufferPointer(rebasing: scratch[range])
        windows[window] = Self.window(of: UnsafeBufferPointer(counts), range: buckets, firstOffset: low)
        counts.update(repeating: 0)
      }
      spans[window] = Self.untouched
    }
    touchedWindows.removeAll(keepingCapacity: true)
    endpoints.append(
      RequestWindowSeries(
        method: method, name: name, isTotal: false, seconds: seconds, start: base, windows: windows))
  }

  /// Adds `parts` to the total table and, for `ownSeries`, to the scratch table, noting the
  /// windows it touches. Through the tables' buffers: array accesses checked bounds and uniqueness
  /// on every value (most of the cost of counting a large run).
  private mutating func count(
    _ parts: [(values: ValueBlocks<Double>, seconds: ValueBlocks<UInt32>)], ownSeries: Bool
  ) {
    let (width, length, base, buckets) = (buckets.count, seconds, UInt32(truncatingIfNeeded: base), buckets)
    let (totalWindows, windowCount) = (totalWindows, windowCount)
    var windowsTouched = touchedWindows
    touchedWindows = []
    defer { touchedWindows = windowsTouched }
    total.withUnsafeMutableBufferPointer { total in
      scratch.withUnsafeMutableBufferPointer { scratch in
        spans.withUnsafeMutableBufferPointer { spans in
          for part in parts {
            for (values, seconds) in part.values.blocks(seconds: part.seconds) {
              for index in 0..<values.count {
                let window = Int(seconds[index] &- base) / length
                guard window < totalWindows else { continue }
                let offset = buckets.offset(values[index])
                let slot = window * width + offset
                total[slot] &+= 1
                guard ownSeries, window < windowCount else { continue }
                let bucket = Int32(truncatingIfNeeded: offset)
                if spans[window].high < 0 {
                  spans[window] = (bucket, bucket)
                  windowsTouched.append(window)
                } else {
                  spans[window].low = min(spans[window].low, bucket)
                  spans[window].high = max(spans[window].high, bucket)
                }
                scratch[slot] &+= 1
              }
            }
          }
        }
      }
    }
  }

  /// The series of every request counted so far.
  package var totalSeries: RequestWindowSeries { series(name: "", isTotal: true, counts: total) }

  /// Adds every request counted so far to `histograms`, whose windows must be a multiple of these.
  package func addTotal(to histograms: inout WindowHistograms) {
    total.withUnsafeBufferPointer { histograms.add(finer: $0, finerSeconds: seconds) }
  }

  private func series(name: String, isTotal: Bool, counts: [UInt32]) -> RequestWindowSeries {
    let width = buckets.count
    let windows = (0..<windowCount).map { window in
      Self.window(of: counts[(window * width)..<((window + 1) * width)], buckets: buckets)
    }
    return RequestWindowSeries(
      method: "", name: name, isTotal: isTotal, seconds: seconds, start: base, windows: windows)
  }

  /// Requests, p50 and p95 of one window's bucket counts: R-7 over the values put at their
  /// buckets' middles (ranks ⌊h⌋ and ⌊h⌋ + 1 of h = q·(n − 1), interpolated), so each is within
  /// 1.6 % of R-7 over the raw values. `buckets` says which buckets the counts are of.
  package static func window(of counts: ArraySlice<UInt32>, buckets range: LatencyBuckets = .all)
    -> RequestWindow
  {
    counts.withUnsafeBufferPointer { window(of: $0, range: range) }
  }

  /// `counts` are those of the buckets from `firstOffset` on (the rest of the window's row is 0).
  private static func window(
    of counts: UnsafeBufferPointer<UInt32>, range: LatencyBuckets, firstOffset: Int = 0
  ) -> RequestWindow {
    var requests: Int64 = 0
    for count in counts { requests &+= Int64(count) }
    guard requests > 0 else { return RequestWindow(requests: 0, p50Ms: nil, p95Ms: nil) }
    let positions = (0.5 * Double(requests - 1), 0.95 * Double(requests - 1))
    // The 0-based ranks wanted: ⌊h⌋ and ⌊h⌋ + 1 (at most n − 1) of each position; each is held
    // by the first bucket whose cumulative count passes it.
    let low50 = Int64(positions.0.rounded(.down))
    let low95 = Int64(positions.1.rounded(.down))
    let ranks = (low50, min(low50 + 1, requests - 1), low95, min(low95 + 1, requests - 1))
    var values = (0.0, 0.0, 0.0, 0.0)
    var missing: UInt8 = 0b1111
    var below: Int64 = 0
    var next = ranks.0
    for offset in counts.indices where counts[offset] != 0 {
      below += Int64(counts[offset])
      // Most buckets pass no wanted rank: their middle is not worked out.
      guard below > next else { continue }
      let value = range.value(atOffset: firstOffset + offset)
      if missing & 1 != 0, below > ranks.0 { (values.0, missing) = (value, missing & ~1) }
      if missing & 2 != 0, below > ranks.1 { (values.1, missing) = (value, missing & ~2) }
      if missing & 4 != 0, below > ranks.2 { (values.2, missing) = (value, missing & ~4) }
      if missing & 8 != 0, below > ranks.3 { (values.3, missing) = (value, missing & ~8) }
      if missing == 0 { break }
      // The smallest rank still wanted (ranks 1 and 2 need not be in order for tiny windows).
      next = min(
        missing & 2 != 0 ? ranks.1 : .max, missing & 4 != 0 ? ranks.2 : .max,
        missing & 8 != 0 ? ranks.3 : .max)
    }
    let p50 = values.0 + (values.1 - values.0) * (positions.0 - Double(low50))
    let p95 = values.2 + (values.3 - values.2) * (positions.1 - Double(low95))
    return RequestWindow(requests: requests, p50Ms: p50, p95Ms: p95)
  }
}
