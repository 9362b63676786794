import CapacityModel
import Dispatch
import Synchronization

/// Parses a line-oriented log on several cores: the data is cut at line starts into parts of
/// falling size, every part is parsed into its own accumulator, and the parts are merged
/// afterwards. The cores take the parts in order, largest first, so the small last ones fill
/// in wherever a core fell behind; equal parts left one core parsing alone for the last tenth.
///
/// A cut can land inside a quoted field that spans lines. Each part therefore reports where it
/// really stopped (the first record start at or after its limit); when that differs from where
/// the next part began, the next part is parsed again from the right place.
package enum ChunkedParse {
  /// Below this many bytes a single thread is faster than starting another.
  package static let minimumParallelBytes = 4 << 20

  /// - Parameter parse: parses the records starting in `start..<limit` (a record may run past
  ///   `limit`) and returns the accumulator and the offset where the next record starts.
  package static func run(
    bytes: UnsafeRawBufferPointer, start: Int, parts requested: Int = defaultParts,
    minimumBytes: Int = minimumParallelBytes, alongside sideTask: (@Sendable () -> Void)? = nil,
    parse: @escaping @Sendable (_ start: Int, _ limit: Int) -> (RequestAccumulator, Int)
  ) -> [RequestAccumulator] {
    let end = bytes.count
    let parts = end - start >= minimumBytes ? max(1, requested) : 1
    var cuts = [start]
    let weights = (0..<parts).map { weight($0, of: parts) }
    let totalWeight = weights.reduce(0, +)
    var weightBefore = 0.0
    for part in 1..<max(parts, 1) {
      weightBefore += weights[part - 1]
      let guess = start + Int(Double(end - start) * weightBefore / totalWeight)
      var cut = guess
      while cut < end, bytes[cut - 1] != ByteScanning.newline { cut += 1 }
      if cut > cuts.last! { cuts.append(cut) }
    }
    cuts.append(end)
    let count = cuts.count - 1
    let boundaries = cuts
    let results = parseParts(count, alongside: sideTask) { index in
      parse(boundaries[index], boundaries[index + 1])
    }
    var accumulators: [RequestAccumulator] = []
    var expected = start
    for index in 0..<count {
      var (accumulator, stopped) = results[index]
      if boundaries[index] != expected {
        // A quoted newline straddled the cut: this part started mid-record.
        accumulator.release()
        (accumulator, stopped) = parse(expected, max(expected, boundaries[index + 1]))
      }
      accumulators.append(accumulator)
      expected = stopped
    }
    return accumulators
  }

  /// The relative size of part `index` of `parts`: (parts − index)^1.5, so four parts take 47, 31,
  /// 17 and 6 % of the file. The last part is what a core may be left parsing alone while the
  /// other, having hashed the file first, has nothing left; (parts − index) alone made it 10 %.
  private static func weight(_ index: Int, of parts: Int) -> Double {
    let remaining = Double(parts - index)
    return remaining * remaining.squareRoot()
  }

  /// `parse(0) … parse(count − 1)` across the cores, in index order. The side task (hashing the
  /// file) takes a thread of its own first and keeps it: it is one serial stream, as long as the
  /// parse for a k6 CSV. The parts, largest first, fill the other cores, and that thread too once
  /// the side task is done. Returns when every part is parsed, which may be before the side task
  /// is done: its owner waits for it.
  private static func parseParts(
    _ count: Int, alongside sideTask: (@Sendable () -> Void)?,
    _ parse: @escaping @Sendable (Int) -> (RequestAccumulator, Int)
  ) -> [(RequestAccumulator, Int)] {
    guard let sideTask else { return Concurrently.map(count, parse) }
    let queue = PartQueue(count: count, parse: parse)
    DispatchQueue.global().async {
      sideTask()
      queue.drain()
    }
    for _ in 0..<max(0, ProcessInfo.processInfo.activeProcessorCount - 2) {
      DispatchQueue.global().async { queue.drain() }
    }
    queue.drain()
    return queue.results()
  }

  /// Parts claimed one at a time by whichever thread is free. A thread that comes late (the side
  /// task's, after the parse) finds none left and lets go; the queue lives until it has.
  private final class PartQueue: @unchecked Sendable {
    private let count: Int
    private let parse: @Sendable (Int) -> (RequestAccumulator, Int)
    private let claims = Atomic<Int>(0)
    private let parsed = DispatchSemaphore(value: 0)
    // Each slot is written by the thread that claimed its part, and read once all are parsed.
    private let slots: UnsafeMutableBufferPointer<(RequestAccumulator, Int)?>

    init(count: Int, parse: @escaping @Sendable (Int) -> (RequestAccumulator, Int)) {
      self.count = count
      self.parse = parse
      slots = .allocate(capacity: count)
      slots.initialize(repeating: nil)
    }

    deinit {
      slots.deinitialize()
      slots.deallocate()
    }

    func drain() {
      while true {
        let index = claims.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < count else { return }
        let result = parse(index)
        slots[index] = result
        parsed.signal()
      }
    }

    /// The parts, once all are parsed, moved out: the queue may outlive the call (a late side
    /// thread still holds it) and must not keep the accumulators' tables alive meanwhile.
    func results() -> [(RequestAccumulator, Int)] {
      for _ in 0..<count { parsed.wait() }
      return slots.indices.map { index in
        defer { slots[index] = nil }
        return slots[index]!
      }
    }
  }

  /// Two parts per core, so a part slowed by another process leaves the rest to balance. More
  /// would balance better but hold more: eight per core kept 22 MB more of a 20 M-row JTL (each
  /// part has its own label tables and histograms), past the memory budget.
  package static var defaultParts: Int {
    min(16, max(1, 2 * ProcessInfo.processInfo.activeProcessorCount))
  }
}

#if canImport(Foundation)
  import Foundation
#endif
