import Foundation
import Testing

@testable import CapacityIngest
@testable import CapacityModel

/// A results file holding two sessions (JMeter appends to its `-l` file): each session's run gets
/// its own transactions and request marks, not the whole file's.
@Suite struct SessionSplitTests {
  static let hour: Int64 = 3_600_000

  /// `count` requests of `home` and, after every second one, a Transaction Controller parent,
  /// one row every 100 ms from `start`; the parents fail when `failing`.
  static func session(_ start: Int64, count: Int, elapsedParent: Int, failing: Bool) -> String {
    (0..<count).map { index in
      let time = start + Int64(index) * 100
      var rows = "\(time),10,home,200,OK,t 1-1,text,true,,10,10,1,1,http://x/,5,0,1\n"
      if index % 2 == 1 {
        rows +=
          "\(time),\(elapsedParent),TC flow,200,\"Number of samples in transaction : 2, number of failing samples : "
          + "\(failing ? 1 : 0)\",t 1-1,,\(failing ? "false" : "true"),,10,10,1,1,,5,0,1\n"
      }
      return rows
    }.joined()
  }

  @Test func eachSessionKeepsItsOwnTransactionsAndMarks() throws {
    let first = HostileRawLogTests.start
    let second = first + 2 * Self.hour
    let text =
      HostileRawLogTests.header + Self.session(first, count: 20, elapsedParent: 30, failing: false)
      + Self.session(second, count: 40, elapsedParent: 70, failing: true)
    let runs = try RawLogRunBuilder().build([
      InputFile(path: "two.jtl", kind: .jmeterCSV, bytes: Array(text.utf8))
    ])
    #expect(runs.map(\.name) == ["two#1", "two#2"])
    #expect(runs.map { $0.total?.requests } == [20, 40])
    // 10 parents in the first session, all passing at 30 ms; 20 in the second, all failing at 70 ms.
    #expect(runs.map { $0.transactions.map(\.requests) } == [[10], [20]])
    #expect(runs.map { $0.transactions.map(\.failures) } == [[0], [20]])
    #expect(runs.map { $0.transactions.first?.maxMs } == [30, 70])
    // Marks: each run's successes end within its own session (the pages two hours apart).
    for (run, start) in zip(runs, [first, second]) {
      let marks = try #require(run.requestMarks)
      var ends: [Int64] = []
      marks.forEachSuccess(fromMs: first - Self.hour, toMs: second + Self.hour) { ends.append($0) }
      #expect(!ends.isEmpty)
      #expect(ends.allSatisfy { $0 >= start && $0 < start + Self.hour }, "\(run.name)")
    }
  }

  @Test func marksWithinKeepOnlyTheirRange() {
    // Successes at 3 ms, 70 000 ms (page 1) and 6 600 000 ms (page 100); the range ends inside page 1.
    var builder = RequestMarksBuilder()
    for ms: Int64 in [3, 70_000, 6_600_000] { builder.record(endMs: ms, failed: false) }
    for ms: Int64 in [5, 70_000, 6_600_000] { builder.record(endMs: ms, failed: true) }
    let marks = builder.marks()
    func successes(_ marks: RequestMarks) -> [Int64] {
      var ends: [Int64] = []
      marks.forEachSuccess(fromMs: 0, toMs: 7_000_000) { ends.append($0) }
      return ends
    }
    #expect(successes(marks) == [3, 70_000, 6_600_000])
    let head = marks.within(fromMs: 0, toMs: 69_000)
    #expect(successes(head) == [3])
    #expect(head.failureEndsMs == [5])
    #expect(successes(marks.within(fromMs: 69_000, toMs: 100_000)) == [70_000])
    #expect(marks.within(fromMs: 10, toMs: 10).isEmpty)
  }
}
