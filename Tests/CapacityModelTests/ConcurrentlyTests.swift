import Foundation
import Synchronization
import Testing

@testable import CapacityModel

@Suite struct ConcurrentlyTests {
  /// Results come back in index order whatever order the cores finish in, for no call, one call
  /// and many calls of uneven length.
  @Test(arguments: [0, 1, 2, 1_000])
  func resultsComeInIndexOrder(_ count: Int) {
    let results = Concurrently.map(count) { index -> Int in
      // Uneven work, so later indices often finish first.
      var sum = 0
      for step in 0..<((count - index) * 50) { sum &+= step }
      return index * 2 + (sum == -1 ? 1 : 0)
    }
    #expect(results == (0..<count).map { $0 * 2 })
  }

  private struct Stop: Error {}

  /// `alongside` returns, or throws the body's error, only after the side task has finished.
  @Test(arguments: [false, true])
  func alongsideWaitsForTheSideTask(bodyThrows: Bool) {
    let sideDone = Atomic<Bool>(false)
    let side: @Sendable () -> Void = {
      usleep(50_000)
      sideDone.store(true, ordering: .sequentiallyConsistent)
    }
    let result = try? Concurrently.alongside(side) { () throws -> Int in
      if bodyThrows { throw Stop() }
      return 7
    }
    #expect(result == (bodyThrows ? nil : 7))
    let finished = sideDone.load(ordering: .sequentiallyConsistent)
    #expect(finished)
  }
}
