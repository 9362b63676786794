import Dispatch

/// Independent work spread over the cores.
package enum Concurrently {
  /// `[body(0), body(1), …, body(count − 1)]`, the calls run across the cores (the calling thread
  /// takes part), the results in index order.
  package static func map<Result>(_ count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
    guard count > 1 else { return (0..<count).map(body) }
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer {
      results.deinitialize()
      results.deallocate()
    }
    // Each call writes its own slot only.
    let slots = Unchecked(value: results)
    DispatchQueue.concurrentPerform(iterations: count) { index in slots.value[index] = body(index) }
    return results.map { $0! }
  }

  /// `body()` on the calling thread while `side()` runs on another; returns (or throws `body`'s
  /// error) only once both are done. Without a side task, just `body()`.
  package static func alongside<Result>(
    _ side: (@Sendable () -> Void)?, _ body: () throws -> Result
  ) rethrows -> Result {
    guard let side else { return try body() }
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group, execute: side)
    defer { group.wait() }
    return try body()
  }
}
