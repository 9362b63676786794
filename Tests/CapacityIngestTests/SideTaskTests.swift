import Dispatch
import Foundation
import Synchronization
import Testing

@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityTestSupport

/// The hash of a raw log runs beside its parse and may outlive it: the parts come back all parsed,
/// in order, whatever the side task does, and the run's id waits for the hash.
@Suite struct SideTaskTests {
  /// 3 000 requests, one label a second, seeded latencies.
  static let text: String = {
    var text = RawLogs.header
    var generator = SeededGenerator(seed: 11)
    for index in 0..<3_000 {
      let latency = Int.random(in: 1...900, using: &generator)
      text +=
        "\(1_700_000_000_000 + index * 37),\(latency),L\(index % 5),200,OK,T 1-1,text,true,,1,1,1,1,u,1,0,1\n"
    }
    return text
  }()

  @Test func aSlowSideTaskDoesNotHoldUpTheParts() throws {
    let sideDone = Atomic<Bool>(false)
    let release = DispatchSemaphore(value: 0)
    let plain = try RawLogs.summaryInParts(Self.text, parts: 6)
    // The side task blocks until the parse has come back (or 10 s have passed: were the parse
    // to wait for it, it would come back only then, with the side task done).
    let beside = try RawLogs.summaryInParts(Self.text, parts: 6) {
      _ = release.wait(timeout: .now() + 10)
      sideDone.store(true, ordering: .sequentiallyConsistent)
    }
    let doneBeforeRelease = sideDone.load(ordering: .sequentiallyConsistent)
    #expect(!doneBeforeRelease)
    release.signal()
    #expect(plain.total?.requests == 3_000)
    #expect(beside.total == plain.total)
    #expect(beside.endpoints == plain.endpoints)
    #expect(beside.timeline == plain.timeline)
  }

  @Test(arguments: [true, false])
  func thePendingDigestIsTheFilesSHA256(sideTaskRuns: Bool) {
    let mapping = MappedFile(bytes: Array(Self.text.utf8))
    let expected = mapping.sha256()
    let digest = PendingDigest(mapping)
    if sideTaskRuns {
      let group = DispatchGroup()
      DispatchQueue.global().async(group: group) { digest.run() }
      #expect(digest.wait() == expected)
      group.wait()
      digest.run()  // a second run finds the work done
    }
    #expect(digest.wait() == expected)
    #expect(expected.count == 64)
  }
}
