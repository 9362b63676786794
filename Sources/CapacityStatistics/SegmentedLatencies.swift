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
      ExactPercentiles.sort(segment)
    }
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
