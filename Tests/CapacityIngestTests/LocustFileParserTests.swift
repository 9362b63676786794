import Testing

@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityTestSupport

@Suite struct LocustFileParserTests {
  let parser = LocustFileParser()

  @Test(arguments: ["light", "medium", "stress", "stepped", "invalid"])
  func endpointRowsAddUpToTheAggregatedRow(_ name: String) throws {
    let stats = try parser.parseStats(
      Corpus.bytes("samples/runs/\(name)/\(name)_stats.csv"), file: "\(name)_stats.csv")
    let total = try #require(stats.total)
    #expect(stats.diagnostics.isEmpty)
    #expect(stats.endpoints.count == 6)
    #expect(stats.endpoints.reduce(0) { $0 + $1.requests } == total.requests)
    #expect(stats.endpoints.reduce(0) { $0 + $1.failures } == total.failures)
  }

  @Test func lightStatsMatchTheFileByHand() throws {
    let stats = try parser.parseStats(
      Corpus.bytes("samples/runs/light/light_stats.csv"), file: "light_stats.csv")
    let total = try #require(stats.total)
    // ,Aggregated,771,0,13,35.82…,3.67…,488.24…,…,13.04…,0.0,13,17,19,22,89,190,300,350,490,490,490
    #expect(total.requests == 771)
    #expect(total.failures == 0)
    #expect(total.percentile(0.95) == 190)
    #expect(total.percentile(0.99) == 350)
    #expect(total.percentile(0.999) == 490)
    #expect(
      total.percentiles.map(\.quantile) == [0.5, 0.66, 0.75, 0.8, 0.9, 0.95, 0.98, 0.99, 0.999, 0.9999, 1])
    #expect(abs((total.maxMs ?? 0) - 488.24018999994223) < 1e-9)
    let search = try #require(stats.endpoints.first { $0.name == "/search/?q=[term]" })
    #expect(search.method == "GET")
    #expect(search.requests == 71)
    #expect(search.percentile(0.95) == 370)
  }

  @Test func failuresOfTheInvalidRunEqualItsFailureCount() throws {
    let failures = try parser.parseFailures(
      Corpus.bytes("samples/runs/invalid/invalid_failures.csv"), file: "invalid_failures.csv")
    #expect(failures.errors.reduce(0) { $0 + $1.occurrences } == 395)
    #expect(failures.errors.allSatisfy { $0.message == "ConnectionRefusedError(111, 'Connection refused')" })
    #expect(failures.errors.first?.firstSeen.map(UTCTimestamp.format) == "2026-11-29T02:25:11Z")
  }

  @Test func failuresWithoutFirstAndLastSeenAreRead() throws {
    let text = "Method,Name,Error,Occurrences\r\nGET,/,\"HTTPError('500 Server Error: x')\",3\r\n"
    let failures = try parser.parseFailures(Array(text.utf8), file: "f.csv")
    #expect(
      failures.errors == [
        ErrorRecord(method: "GET", name: "/", message: "HTTPError('500 Server Error: x')", occurrences: 3)
      ])
  }

  @Test func steppedHistoryHasTheEightLoadLevelsAndFullHistoryRows() throws {
    let history = try parser.parseHistory(
      Corpus.bytes("samples/runs/stepped/stepped_stats_history.csv"), file: "h.csv")
    #expect(history.kind == .currentWindow)
    #expect(history.endpointRows > 0)
    var levels: [Int] = []
    for point in history.timeline where point.users > 0 && levels.last != point.users {
      levels.append(point.users)
    }
    #expect(levels == [10, 20, 40, 60, 80, 100, 150, 200])
    // The first row is written before any request: its percentiles are N/A.
    #expect(history.timeline.first?.percentiles.allSatisfy { $0.valueMs == nil } == true)
    #expect(history.timeline.last?.totalRequests == 6657)
  }

  @Test func historyWithoutFullHistoryRowsIsCumulative() throws {
    let text = """
      Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,95%,Total Request Count,Total Failure Count
      100,0,,Aggregated,0.000000,0.000000,N/A,N/A,0,0
      101,5,,Aggregated,2.000000,0.000000,12,40,2,0

      """
    let history = try parser.parseHistory(Array(text.utf8), file: "h.csv")
    #expect(history.kind == .cumulative)
    #expect(history.timeline.count == 2)
    #expect(history.timeline[1].percentile(0.95) == 40)
  }

  @Test func customPercentileColumnsAreReadFromTheHeader() throws {
    let text = """
      Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,95%,99.5%
      GET,/a,10,0,12,13.5,10.1,40.2,100,1.0,0.0,30,40
      ,Aggregated,10,0,12,13.5,10.1,40.2,100,1.0,0.0,30,40

      """
    let stats = try parser.parseStats(Array(text.utf8), file: "s.csv")
    #expect(
      stats.total?.percentiles == [
        PercentileValue(quantile: 0.95, valueMs: 30), PercentileValue(quantile: 0.995, valueMs: 40),
      ])
  }

  @Test func notAvailableValuesAreNil() throws {
    let text = """
      Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%
      GET,/a,0,0,N/A,0.0,0,0,0,0.0,0.0,N/A

      """
    let stats = try parser.parseStats(Array(text.utf8), file: "s.csv")
    #expect(stats.endpoints.first?.medianMs == nil)
    #expect(stats.endpoints.first?.percentiles == [PercentileValue(quantile: 0.5, valueMs: nil)])
  }

  @Test func malformedRowsAreWarnedWithTheirLineAndSkipped() throws {
    let text = """
      Type,Name,Request Count,Failure Count
      GET,/a,10,0
      GET,/b,lots,0
      GET,/c,5
      ,Aggregated,15,0

      """
    let stats = try parser.parseStats(Array(text.utf8), file: "s.csv")
    #expect(stats.endpoints.map(\.name) == ["/a"])
    #expect(stats.diagnostics.map(\.location.line) == [3, 4])
    #expect(
      stats.diagnostics.map(\.description) == [
        "s.csv:3: warning: column 'Request Count' holds 'lots', not a count; row skipped",
        "s.csv:4: warning: expected 4 fields, found 3; row skipped",
      ])
  }

  @Test func exceptionsKeepMultiLineTracebacks() throws {
    let text =
      "Count,Message,Traceback,Nodes\r\n3,KeyError('id'),\"Traceback (most recent call last):\r\n  File \"\"locustfile.py\"\", line 9\r\nKeyError: 'id'\",\"w1, w2\"\r\n"
    let exceptions = try parser.parseExceptions(Array(text.utf8), file: "e.csv")
    #expect(exceptions.exceptions.count == 1)
    #expect(exceptions.exceptions[0].traceback.contains("File \"locustfile.py\", line 9"))
    #expect(exceptions.exceptions[0].nodes == "w1, w2")
  }

  @Test func missingRequiredColumnsNameTheFile() {
    #expect(throws: IngestError.missingColumns(path: "s.csv", columns: ["Failure Count"])) {
      try parser.parseStats(Array("Type,Name,Request Count\n".utf8), file: "s.csv")
    }
  }
}
