import Dispatch
import Synchronization
import Testing

@testable import CapacityModel

/// Work started on another core hands back its value, or its error, to whoever waits for it,
/// and runs once however often it is asked for.
@Suite struct BackgroundResultTests {
  private struct Broken: Error, Equatable { var reason: String }

  @Test func theValueComesBackOnceTheWorkIsDone() throws {
    let calls = Mutex(0)
    let started = DispatchSemaphore(value: 0)
    let result = BackgroundResult { () throws(Broken) -> [Int] in
      started.wait()
      calls.withLock { $0 += 1 }
      return Array(0..<1_000)
    }
    started.signal()  // the work can only finish after the caller has gone on
    #expect(try result.value() == Array(0..<1_000))
    #expect(try result.value().count == 1_000)
    #expect(calls.withLock { $0 } == 1)
  }

  @Test func theErrorIsThrownToTheCaller() {
    let result = BackgroundResult { () throws(Broken) -> Int in throw Broken(reason: "no template") }
    #expect(throws: Broken(reason: "no template")) { try result.value() }
  }
}
