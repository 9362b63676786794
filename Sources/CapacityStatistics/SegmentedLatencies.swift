import CapacityModel
import Dispatch

/// Every label's latencies in one buffer each, grouped by load step (the last group holds the
/// values outside any steady part) and sorted within each group. Percentiles per label, per step
/// and overall are then order statistics over sorted segments, with no second copy of the data.
/// Manually managed: call `deallocate()`.
package struct SegmentedLatencies {
  package let groups: Int
  private var buffers: [UnsafeMutableBufferPointer<Double>] = []
  /// Per label, `groups + 1` offsets into its buffer.
  private var offsets: [[Int]] = []
  /// The blocks freed while copying: given back as they go, so the layout's pages (touched as
  /// they are written) take the place of the blocks' instead of adding to them.
  private var freed = FreedMemory()

  package init(groups: Int) {
    self.groups = groups
  }

  /// Adds a label from its parts' value and second blocks (appended in step with each other),
  /// freeing the blocks as they are copied and leaving `parts` empty.
  package mutating func append(
    label parts: inout [(values: ValueBlocks<Double>, seconds: ValueBlocks<UInt32>)], count: Int,
    group: (UInt32) -> Int
  ) {
    var counts = [Int](repeating: 0, count: groups)
    for part in parts {
      part.seconds.forEachBlock { block in for second in block { counts[group(second)] += 1 } }
    }
    var starts = [0]
    for groupCount in counts { starts.append(starts.last! + groupCount) }
    let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(count, 1))
    var cursor = starts
    for index in parts.indices {
      var (values, seconds) = parts[index]
      values.drain(inStepWith: &seconds) { values, seconds in
        for offset in 0..<seconds.count {
          let target = group(seconds[offset])
          buffer[cursor[target]] = values[offset]
          cursor[target] += 1
        }
        freed.add(bytes: values.count &* (MemoryLayout<Double>.size + MemoryLayout<UInt32>.size))
      }
      parts[index] = (values, seconds)
    }
    buffers.append(buffer)
    offsets.append(starts)
  }

  /// Sorts every segment, largest first across the cores.
  package func sortSegments() {
    var tasks: [(label: Int, group: Int, size: Int)] = []
    for label in buffers.indices {
      for group in 0..<groups {
        let size = offsets[label][group + 1] - offsets[label][group]
        if size > 1 { tasks.append((label, group, size)) }
      }
    }
    tasks.sort { $0.size > $1.size }
    let shared = Unchecked(value: (buffers, offsets, tasks))
    DispatchQueue.concurrentPerform(iterations: tasks.count) { index in
      let (buffers, offsets, tasks) = shared.value
      let task = tasks[index]
      let start = offsets[task.label][task.group]
      let segment = UnsafeMutableBufferPointer(
        rebasing: buffers[task.label][start..<offsets[task.label][task.group + 1]])
      Self.sort(segment)
    }
  }

  /// Sorts by counting when every value is a whole, non-negative number of milliseconds within a
  /// narrow range (JMeter's `elapsed` always is): one pass to count, one to write back, where
  /// a comparison sort takes log₂ n passes. Any other segment is sorted by comparison.
  package static func sort(_ segment: UnsafeMutableBufferPointer<Double>) {
    guard let range = wholeMillisecondRange(segment) else {
      var segment = segment
      segment.sort()
      return
    }
    let counts = UnsafeMutableBufferPointer<UInt32>.allocate(
      capacity: range.upperBound - range.lowerBound + 1)
    defer { counts.deallocate() }
    counts.initialize(repeating: 0)
    for value in segment { counts[Int(value) - range.lowerBound] &+= 1 }
    var cursor = 0
    for offset in counts.indices where counts[offset] != 0 {
      let value = Double(range.lowerBound + offset)
      for _ in 0..<Int(counts[offset]) {
        segment[cursor] = value
        cursor += 1
      }
    }
  }

  /// The smallest and largest value when all are whole numbers from +0 up, spanning at most
  /// 2¹⁸ ms and at most eight slots a value; `nil` otherwise (fractions, −0, a wide spread).
  private static func wholeMillisecondRange(_ segment: UnsafeMutableBufferPointer<Double>) -> ClosedRange<
    Int
  >? {
    guard segment.count >= 64 else { return nil }
    var low = Double.infinity
    var high = -Double.infinity
    for value in segment {
      // In this order: the range first (NaN fails it), so the conversion cannot trap; a
      // conversion, not `rounded`, which is a libm call on baseline x86-64.
      guard value.bitPattern == 0 || value > 0, value < 1e15, Double(Int64(value)) == value else {
        return nil
      }
      low = min(low, value)
      high = max(high, value)
    }
    let spread = high - low
    guard spread < Double(1 << 18), spread < Double(8 * segment.count) else { return nil }
    return Int(low)...Int(high)
  }

  private func segment(_ label: Int, _ group: Int) -> UnsafeBufferPointer<Double> {
    UnsafeBufferPointer(
      rebasing: UnsafeBufferPointer(buffers[label])[offsets[label][group]..<offsets[label][group + 1]])
  }

  package func segments(label: Int) -> [UnsafeBufferPointer<Double>] {
    (0..<groups).map { segment(label, $0) }.filter { !$0.isEmpty }
  }

  package func segments(group: Int) -> [UnsafeBufferPointer<Double>] {
    buffers.indices.map { segment($0, group) }.filter { !$0.isEmpty }
  }

  package var allSegments: [UnsafeBufferPointer<Double>] {
    buffers.indices.flatMap { segments(label: $0) }
  }

  package func deallocate() {
    for buffer in buffers { buffer.deallocate() }
  }
}
