import Foundation
import Testing

@testable import CapacityStore
@testable import CapacityTestSupport

@Suite struct RequestMarksStoreTests {
  /// Three successes, one failure, and a row 200 s later: two pages of 65.5 s, not a bit per ms between.
  private let log = """
    timeStamp,elapsed,label,responseCode,responseMessage,threadName,success,allThreads
    1795918000000,50,GET /,200,OK,T 1-1,true,2
    1795918000100,7,GET /,500,err,T 1-1,false,2
    1795918001000,20,GET /,200,OK,T 1-1,true,2
    1795918200000,5,GET /,200,OK,T 1-1,true,2

    """

  @Test func marksKeepEachRequestsEndToTheMillisecond() throws {
    let marks = try #require(try RawLogs.run(text: log, path: "m.jtl").requestMarks)
    #expect(marks.pages.count == 2)
    #expect(marks.failureEndsMs == [1_795_918_000_107])
    var successes: [Int64] = []
    marks.forEachSuccess(fromMs: 1_795_917_000_000, toMs: 1_795_918_300_000) { successes.append($0) }
    #expect(successes == [1_795_918_000_050, 1_795_918_001_020, 1_795_918_200_005])
  }

}
