import Foundation
import Testing

@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityTestSupport

/// JMeter CSV results: real output against JMeter's console totals, a generated file against
/// DuckDB, parallel parsing across quoted newlines, and hand-made edge cases.
@Suite struct JTLCSVParserTests {
  @Test func corpusCSVTotalEqualsJMeterSummary() throws {
    let run = try RawLogs.run(path: RawLogs.fixture("jmeter_csv_results.jtl"))
    let total = try #require(run.total)
    #expect(total.requests == (try RawLogs.summaryTotal("jmeter_csv_console.log")))
    #expect(total.requests == 1101)
    #expect(total.failures == 0)
    // JMeter's summary: Avg 35, Min 2, Max 482.
    #expect(total.averageMs.map { $0.rounded() } == 35)
    #expect(total.minMs == 2)
    #expect(total.maxMs == 482)
    #expect(run.tool == .jmeter)
    #expect(run.latencyMethod == .exactR7)
    #expect(run.setAside.isEmpty)
    #expect(run.timeline.map(\.users).max() == 30)
    #expect(run.timeline.last?.totalRequests == 1101)
    // The file is hashed on the side while it is parsed: the id is still its content hash.
    let sha = InputFile.hexDigest(
      try Corpus.bytes("Tests/Fixtures/raw/jmeter_csv_results.jtl"))
    #expect(run.sourceFiles.map(\.sha256) == [sha])
    #expect(
      run.id
        == LocustRunAssembler.runID(
          [InputFile(path: "x", kind: .jmeterCSV, bytes: [])].map { file in
            var copy = file
            copy.sha256 = sha
            return copy
          }))
  }

  @Test func jtlPercentilesEqualDuckDB() throws {
    let run = try RawLogs.run(path: RawLogs.fixture("generated_4000.jtl"))
    let anchor = try RawLogs.anchor("generated_4000.duckdb.json")
    let labels = try #require(anchor["labels"] as? [String: [String: Any]])
    let transactionParents = try #require(labels["TC Checkout flow"]?["count"] as? Int)
    #expect(run.setAside == [SetAsideCount(reason: .transactionParent, count: Int64(transactionParents))])
    #expect(run.endpoints.count == labels.count - 1)
    for endpoint in run.endpoints {
      let expected = try #require(labels[endpoint.name], "\(endpoint.name)")
      try DuckDBAnchor.expectAgreement(endpoint, expected)
    }
  }

  @Test func cutsInsideQuotedNewlinesGiveTheSameResult() throws {
    var text = RawLogs.header
    for index in 0..<400 {
      let message = String(repeating: "line, \"x\"\n", count: 30)
      text +=
        "17000000\(String(format: "%05d", index)),\(index % 97),L\(index % 3),500,Err,T 1-1,text,false,"
        + "\"\(message.replacingOccurrences(of: "\"", with: "\"\""))\",1,1,1,1,u,1,0,1\n"
    }
    let single = try RawLogs.summaryInParts(text, parts: 1)
    let split = try RawLogs.summaryInParts(text, parts: 7)
    #expect(single.total?.requests == 400)
    #expect(split.total == single.total)
    #expect(split.endpoints == single.endpoints)
    #expect(split.warningCount == 0)
    #expect(split.errors == single.errors)
    #expect(split.errors.map(\.occurrences).reduce(0, +) == 400)
  }

  @Test func quotedFieldsWithCommasQuotesAndNewlinesAndNoTrailingNewline() throws {
    let text =
      RawLogs.header
      + "1700000000000,100,GET /a,200,OK,T 1-1,text,true,,1,1,1,1,u,1,0,1\n"
      + "1700000000500,300,\"GET /b, \"\"quoted\"\"\",500,\"Server\nError\",T 1-2,text,false,"
      + "\"multi\r\nline\",1,1,1,2,u,1,0,1\r\n"
      + "1700000001000,200,GET /a,200,OK,T 1-1,text,true,,1,1,1,2,u,1,0,1"
    let run = try RawLogs.run(text: text)
    #expect(run.total?.requests == 3)
    #expect(run.total?.failures == 1)
    #expect(run.endpoints.map(\.name) == ["GET /a", "GET /b, \"quoted\""])
    #expect(run.errors.first?.message == "HTTP 500 Server\nError")
    #expect(run.endpoints.first?.percentile(0.5) == 150)
    #expect(run.diagnostics.isEmpty)
  }

  @Test func headerOnlyGivesAnEmptyRun() throws {
    let run = try RawLogs.run(text: RawLogs.header)
    #expect(run.total == nil)
    #expect(run.endpoints.isEmpty)
    #expect(run.timeline.isEmpty)
  }

  @Test func anEmptyFileIsAnError() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID()).jtl").path
    FileManager.default.createFile(atPath: path, contents: Data())
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: IngestError.emptyFile(path: path)) { try InputCollector().collect([path]) }
  }

  @Test func unknownColumnsCustomDelimiterAndFormattedTimestamps() throws {
    let text =
      "timeStamp;elapsed;label;Hostname;success;allThreads;myVar\n"
      + "2024/05/29 12:00:00.250;80;GET /x;host1;true;5;a\n"
      + "2024/05/29 12:00:01.750;120;GET /x;host1;false;6;b\n"
      + "garbage;row\n"
    let run = try RawLogs.run(text: text)
    #expect(run.total?.requests == 2)
    #expect(run.total?.failures == 1)
    #expect(run.startedAt == Date(timeIntervalSince1970: 1_716_984_000.25))
    #expect(run.timeline.map(\.users) == [5, 6])
    #expect(run.diagnostics.count == 1)
    #expect(run.diagnostics.first?.location.line == 4)
  }

  @Test func headerlessFilesUseTheDefaultColumns() throws {
    let run = try RawLogs.run(
      text: "1700000000000,87,GET /a,200,OK,TG 1-1,text,true,,5120,140,10,10,https://x.test/a,80,0,12\n")
    #expect(run.total?.requests == 1)
    #expect(run.timeline.first?.users == 10)
    #expect(run.diagnostics.first?.message.contains("no header") == true)
  }

  @Test func subResultsAndTransactionParentsAreSetAside() throws {
    let text =
      RawLogs.header
      + "1700000000000,50,Home,200,OK,T 1-1,text,true,,1,1,1,1,u,1,0,1\n"
      + "1700000000000,20,Home-0,302,Found,T 1-1,text,true,,1,1,1,1,u,1,0,1\n"
      + "1700000000020,30,Home-1,200,OK,T 1-1,text,true,,1,1,1,1,u,1,0,1\n"
      + "1700000000100,70,TC Flow,200,\"Number of samples in transaction : 2, number of failing samples : 0\","
      + "T 1-1,,true,,1,1,1,1,null,1,0,1\n"
      + "1700000000200,10,Other-0,200,OK,T 1-2,text,true,,1,1,1,1,u,1,0,1\n"
    let run = try RawLogs.run(text: text)
    #expect(run.total?.requests == 2)
    #expect(
      run.setAside == [
        SetAsideCount(reason: .subResult, count: 2), SetAsideCount(reason: .transactionParent, count: 1),
      ])
  }
}
