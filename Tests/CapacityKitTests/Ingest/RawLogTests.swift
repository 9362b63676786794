import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityStatistics
@testable import CapacityStore

/// Raw request logs: real JMeter output checked against JMeter's own console totals, generated
/// files checked against DuckDB, and hand-made edge cases.
@Suite struct RawLogTests {
  static func fixture(_ name: String) -> String {
    Corpus.path("Tests/CapacityKitTests/Fixtures/raw/\(name)")
  }

  static func run(path: String, budget: Int = RawLogRunBuilder.defaultExactBudget) throws -> Run {
    let files = try InputCollector().collect([path]).files
    return try #require(try RawLogRunBuilder(exactBudget: budget).build(files).first)
  }

  static func run(text: String, path: String = "t.log") throws -> Run {
    let kind = try #require(InputKind.detect(head: Array(text.utf8.prefix(4096))))
    return try RawLogRunBuilder().build([InputFile(path: path, kind: kind, bytes: Array(text.utf8))])[0]
  }

  /// The last `summary =` total JMeter printed on its console.
  static func summaryTotal(_ console: String) throws -> Int64 {
    let text = try String(contentsOfFile: fixture(console), encoding: .utf8)
    let line = try #require(text.split(separator: "\n").last { $0.hasPrefix("summary =") })
    return try #require(Int64(line.dropFirst("summary =".count).split(separator: " ").first ?? ""))
  }

  static func anchor(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: fixture(name)))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static let header =
    "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
    + "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n"

  // MARK: Real JMeter output

  @Test func corpusCSVTotalEqualsJMeterSummary() throws {
    let run = try Self.run(path: Self.fixture("jmeter_csv_results.jtl"))
    let total = try #require(run.total)
    #expect(total.requests == (try Self.summaryTotal("jmeter_csv_console.log")))
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
      try Corpus.bytes("Tests/CapacityKitTests/Fixtures/raw/jmeter_csv_results.jtl"))
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

  @Test func corpusXMLTotalEqualsJMeterSummaryWithoutNestedRedirects() throws {
    let run = try Self.run(path: Self.fixture("jmeter_xml_results.jtl"))
    let total = try #require(run.total)
    #expect(total.requests == (try Self.summaryTotal("jmeter_xml_console.log")))
    #expect(total.requests == 1088)
    // JMeter's summary: Avg 38, Min 2, Max 507.
    #expect(total.averageMs.map { $0.rounded() } == 39 || total.averageMs.map { $0.rounded(.down) } == 38)
    #expect(total.minMs == 2)
    #expect(total.maxMs == 507)
    #expect(run.setAside == [SetAsideCount(reason: .subResult, count: 60)])
    #expect(run.diagnostics.isEmpty)
  }

  // MARK: Against DuckDB

  /// The step at 30 users runs from second 7 to 58; its steady part (after the 15 % warm-up)
  /// is Unix seconds 1795918865…1795918908. Independent value:
  /// `duckdb.sql("select count(*), quantile_cont(elapsed, 0.95) from read_csv('jmeter_csv_results.jtl',
  /// header=true) where timeStamp//1000 between 1795918865 and 1795918908")` → (867, 193.69999999999993).
  @Test func stepP95IsExactOverTheSteadyPart() throws {
    let run = try Self.run(path: Self.fixture("jmeter_csv_results.jtl"))
    let analysis = RunAnalyzer().analyze(run)
    let step = try #require(analysis.steps.first)
    #expect(analysis.steps.count == 1)
    #expect(step.users == 30)
    #expect(step.requests == 867)
    let p95 = try #require(step.p95Ms)
    #expect(abs(p95 - 193.69999999999993) < 1e-9)
  }

  @Test func jtlPercentilesEqualDuckDB() throws {
    let run = try Self.run(path: Self.fixture("generated_4000.jtl"))
    let anchor = try Self.anchor("generated_4000.duckdb.json")
    let labels = try #require(anchor["labels"] as? [String: [String: Any]])
    let transactionParents = try #require(labels["TC Checkout flow"]?["count"] as? Int)
    #expect(run.setAside == [SetAsideCount(reason: .transactionParent, count: Int64(transactionParents))])
    #expect(run.endpoints.count == labels.count - 1)
    for endpoint in run.endpoints {
      let expected = try #require(labels[endpoint.name], "\(endpoint.name)")
      try Self.expectAgreement(endpoint, expected)
    }
  }

  @Test func k6PercentilesEqualDuckDB() throws {
    let run = try Self.run(path: Self.fixture("generated_k6_300.csv"))
    let anchor = try Self.anchor("generated_k6_300.duckdb.json")
    // Endpoints are (method, name): per-endpoint values from the pure-Python anchor keyed so.
    let labels = try #require(
      try Self.anchor("generated_k6_300.bymethod.json")["labels"] as? [String: [String: Any]])
    #expect(run.tool == .k6)
    #expect(run.endpoints.count == labels.count)
    for endpoint in run.endpoints {
      try Self.expectAgreement(endpoint, try #require(labels["\(endpoint.method) \(endpoint.name)"]))
    }
    let overall = try #require(anchor["overall"] as? [String: Any])
    let total = try #require(run.total)
    try Self.expectAgreement(total, overall)
    #expect(run.timeline.map(\.users).max() ?? 0 > 0)
  }

  @Test func k6JSONPercentilesEqualDuckDB() throws {
    let run = try Self.run(path: Self.fixture("generated_k6_300.ndjson"))
    let anchor = try Self.anchor("generated_k6_300.duckdb.json")
    // Endpoints are (method, name): per-endpoint values from the pure-Python anchor keyed so.
    let labels = try #require(
      try Self.anchor("generated_k6_300.bymethod.json")["labels"] as? [String: [String: Any]])
    #expect(run.tool == .k6)
    #expect(run.endpoints.count == labels.count)
    for endpoint in run.endpoints {
      try Self.expectAgreement(endpoint, try #require(labels["\(endpoint.method) \(endpoint.name)"]))
    }
    try Self.expectAgreement(try #require(run.total), try #require(anchor["overall"] as? [String: Any]))
    let csv = try Self.run(path: Self.fixture("generated_k6_300.csv"))
    #expect(run.timeline == csv.timeline)
    #expect(run.errors.map(\.occurrences) == csv.errors.map(\.occurrences))
  }

  static func expectAgreement(_ stats: EndpointStats, _ expected: [String: Any]) throws {
    #expect(stats.requests == Int64(try #require(expected["count"] as? Int)))
    #expect(stats.failures == Int64(try #require(expected["failures"] as? Int)))
    for (quantile, key) in [(0.5, "p50"), (0.9, "p90"), (0.95, "p95"), (0.99, "p99")] {
      let value = try #require(expected[key] as? Double)
      let ours = try #require(stats.percentile(quantile))
      #expect(abs(ours - value) <= 1e-9 * max(1, abs(value)), "\(stats.name) \(key): \(ours) vs \(value)")
    }
    #expect(abs((stats.maxMs ?? 0) - (try #require(expected["max"] as? Double))) < 1e-9)
    #expect(abs((stats.averageMs ?? 0) - (try #require(expected["mean"] as? Double))) < 1e-6)
  }

  // MARK: Parallel parsing

  @Test func cutsInsideQuotedNewlinesGiveTheSameResult() throws {
    var text = Self.header
    for index in 0..<400 {
      let message = String(repeating: "line, \"x\"\n", count: 30)
      text +=
        "17000000\(String(format: "%05d", index)),\(index % 97),L\(index % 3),500,Err,T 1-1,text,false,"
        + "\"\(message.replacingOccurrences(of: "\"", with: "\"\""))\",1,1,1,1,u,1,0,1\n"
    }
    let bytes = Array(text.utf8)
    let layout = try #require(JTLCSVLayout(firstLine: String(Self.header.dropLast())))
    let parser = JTLCSVParser(layout: layout)
    func summary(parts: Int) -> RawRunSummarizer.Summary {
      bytes.withUnsafeBytes { buffer in
        let shared = Unchecked(value: buffer)
        let chunks = ChunkedParse.run(
          bytes: buffer, start: Self.header.utf8.count, parts: parts, minimumBytes: 0
        ) { start, limit in
          var accumulator = RequestAccumulator(exactBudget: 1 << 30)
          let stopped = parser.parse(
            shared.value, start: start, limit: limit, into: &accumulator, progress: nil)
          return (accumulator, stopped)
        }
        return RawRunSummarizer().summarize(chunks)
      }
    }
    let single = summary(parts: 1)
    let split = summary(parts: 7)
    #expect(single.total?.requests == 400)
    #expect(split.total == single.total)
    #expect(split.endpoints == single.endpoints)
    #expect(split.warningCount == 0)
    #expect(split.errors == single.errors)
    #expect(split.errors.map(\.occurrences).reduce(0, +) == 400)
  }

  // MARK: Edge cases

  @Test func quotedFieldsWithCommasQuotesAndNewlinesAndNoTrailingNewline() throws {
    let text =
      Self.header
      + "1700000000000,100,GET /a,200,OK,T 1-1,text,true,,1,1,1,1,u,1,0,1\n"
      + "1700000000500,300,\"GET /b, \"\"quoted\"\"\",500,\"Server\nError\",T 1-2,text,false,"
      + "\"multi\r\nline\",1,1,1,2,u,1,0,1\r\n"
      + "1700000001000,200,GET /a,200,OK,T 1-1,text,true,,1,1,1,2,u,1,0,1"
    let run = try Self.run(text: text)
    #expect(run.total?.requests == 3)
    #expect(run.total?.failures == 1)
    #expect(run.endpoints.map(\.name) == ["GET /a", "GET /b, \"quoted\""])
    #expect(run.errors.first?.message == "HTTP 500 Server\nError")
    #expect(run.endpoints.first?.percentile(0.5) == 150)
    #expect(run.diagnostics.isEmpty)
  }

  @Test func headerOnlyGivesAnEmptyRun() throws {
    let run = try Self.run(text: Self.header)
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
    let run = try Self.run(text: text)
    #expect(run.total?.requests == 2)
    #expect(run.total?.failures == 1)
    #expect(run.startedAt == Date(timeIntervalSince1970: 1_716_984_000.25))
    #expect(run.timeline.map(\.users) == [5, 6])
    #expect(run.diagnostics.count == 1)
    #expect(run.diagnostics.first?.location.line == 4)
  }

  @Test func headerlessFilesUseTheDefaultColumns() throws {
    let run = try Self.run(
      text: "1700000000000,87,GET /a,200,OK,TG 1-1,text,true,,5120,140,10,10,https://x.test/a,80,0,12\n")
    #expect(run.total?.requests == 1)
    #expect(run.timeline.first?.users == 10)
    #expect(run.diagnostics.first?.message.contains("no header") == true)
  }

  @Test func subResultsAndTransactionParentsAreSetAside() throws {
    let text =
      Self.header
      + "1700000000000,50,Home,200,OK,T 1-1,text,true,,1,1,1,1,u,1,0,1\n"
      + "1700000000000,20,Home-0,302,Found,T 1-1,text,true,,1,1,1,1,u,1,0,1\n"
      + "1700000000020,30,Home-1,200,OK,T 1-1,text,true,,1,1,1,1,u,1,0,1\n"
      + "1700000000100,70,TC Flow,200,\"Number of samples in transaction : 2, number of failing samples : 0\","
      + "T 1-1,,true,,1,1,1,1,null,1,0,1\n"
      + "1700000000200,10,Other-0,200,OK,T 1-2,text,true,,1,1,1,1,u,1,0,1\n"
    let run = try Self.run(text: text)
    #expect(run.total?.requests == 2)
    #expect(
      run.setAside == [
        SetAsideCount(reason: .subResult, count: 2), SetAsideCount(reason: .transactionParent, count: 1),
      ])
  }

  @Test func truncatedXMLKeepsTheSamplesReadSoFar() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <testResults version="1.2">
      <httpSample t="10" ts="1700000000000" s="true" lb="A" rc="200" rm="OK" na="2"/>
      <sample t="30" ts="1700000000100" s="true" lb="TC" rc="200" rm="Number of samples in transaction : 1, number of failing samples : 0">
        <httpSample t="30" ts="1700000000100" s="false" lb="B" rc="503" rm="Service Unavailable" na="2"/>
      </sample>
      <httpSample t="12" ts="1700000001000" s="true" lb="A" rc="200" rm="OK" na="2"/>
      <httpSample t="9
      """
    let run = try Self.run(text: text, path: "cut.jtl")
    #expect(run.total?.requests == 3)
    #expect(run.total?.failures == 1)
    #expect(run.setAside == [SetAsideCount(reason: .transactionParent, count: 1)])
    #expect(run.errors.map(\.message) == ["HTTP 503 Service Unavailable"])
    #expect(run.diagnostics.count == 1)
    #expect(run.diagnostics.first?.message.contains("cut off here") == true)
    #expect(run.diagnostics.first?.location.line == 8)
  }

  @Test func xmlEntitiesAreNotExpandedNorFetched() throws {
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE testResults [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
      <testResults version="1.2">
      <httpSample t="10" ts="1700000000000" s="true" lb="A" rc="200" rm="OK"/>
      <httpSample t="11" ts="1700000000000" s="true" lb="&secret;" rc="200" rm="OK"/>
      </testResults>
      """
    let run = try Self.run(text: text, path: "xxe.jtl")
    let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8)) ?? "\u{0}"
    #expect(run.endpoints.allSatisfy { !$0.name.contains(hostname.trimmingCharacters(in: .newlines)) })
    // libxml2 refuses the external entity reference; the file is reported, never read from disk.
    #expect(!run.diagnostics.isEmpty)
  }

  // MARK: Other tools

  @Test func vegetaCSV() throws {
    let text = """
      1717000000123456789,200,8731123,0,5120,,,,0,GET,https://x.test/a,
      1717000000133456789,0,30000412345,0,0,"Get ""https://x.test/a"": context deadline exceeded",,,1,GET,https://x.test/a,
      1717000000143456789,503,12000345,0,19,503 Service Unavailable,c2VydmljZSB1bmF2YWlsYWJsZQ==,,2,GET,https://x.test/a,
      """
    let run = try Self.run(text: text, path: "results.csv")
    #expect(run.tool == .vegeta)
    #expect(run.total?.requests == 3)
    #expect(run.total?.failures == 2)
    #expect(run.endpoints.first?.method == "GET")
    #expect(run.total?.maxMs == 30000.412345)
    let categories = run.errors.map { ErrorClassifier().classify($0.message) }.sorted()
    #expect(categories == [.timeout, .http5xx])
  }

  @Test func gatlingTextLog() throws {
    let text =
      "RUN\tcom.acme.ShopSim\tshopsim\t1717000000000\t \t3.11.5\n"
      + "USER\tshoppers\tSTART\t1717000000100\n"
      + "REQUEST\t\thome\t1717000000150\t1717000000230\tOK\t \n"
      + "REQUEST\tcheckout\tpay\t1717000000300\t1717000001300\tKO\tstatus.find.is(200), but actually found 503\n"
      + "USER\tshoppers\tEND\t1717000001400\n"
    let run = try Self.run(text: text, path: "simulation.log")
    #expect(run.tool == .gatling)
    #expect(run.endpoints.map(\.name) == ["checkout / pay", "home"])
    #expect(run.endpoints.map(\.maxMs) == [1000, 80])
    #expect(run.timeline.first?.users == 1)
    #expect(run.errors.map { ErrorClassifier().classify($0.message) } == [.http5xx])
  }

  @Test func gatlingBinaryLogIsRefusedWithAClearMessage() throws {
    var bytes: [UInt8] = [0, 0, 0, 0, 6]
    bytes += Array("3.13.1".utf8) + [0, 0, 0, 0, 9] + Array("some.Class".utf8)
    let kind = try #require(InputKind.detect(head: bytes))
    #expect(kind == .gatlingBinary)
    #expect {
      try RawLogRunBuilder().build([InputFile(path: "simulation.log", kind: kind, bytes: bytes)])
    } throws: { error in
      (error as? IngestError)?.errorDescription?.contains("Gatling 3.12.0 or earlier") == true
    }
  }

  @Test(arguments: [
    ("k6 error_code 1212: dial tcp: connect: connection refused", ErrorCategory.connectionRefused),
    ("k6 error_code 1050: request timeout", .timeout),
    ("k6 error_code 1101: lookup x: no such host", .dns),
    ("k6 error_code 1503", .http5xx),
    ("Non HTTP response code: java.net.ConnectException", .connectionRefused),
    (
      "Non HTTP response code: java.net.SocketTimeoutException: Non HTTP response message: Read timed out",
      .timeout
    ),
    ("Non HTTP response code: java.net.UnknownHostException", .dns),
    ("Non HTTP response code: org.apache.http.NoHttpResponseException", .noResponse),
    ("status 0: no response", .noResponse),
    ("HTTP 404 Not Found", .http4xx),
  ])
  func rawLogMessagesAreClassified(_ message: String, _ category: ErrorCategory) {
    #expect(ErrorClassifier().classify(message) == category)
  }

  // MARK: Percentile machinery and storage

  @Test func beyondTheBudgetPercentilesComeFromHDRHistograms() throws {
    let exact = try Self.run(path: Self.fixture("generated_4000.jtl"))
    let hdr = try Self.run(path: Self.fixture("generated_4000.jtl"), budget: 100)
    #expect(hdr.latencyMethod == .hdr3)
    #expect(hdr.total?.requests == exact.total?.requests)
    for quantile in ExactPercentiles.reported {
      let reference = try #require(exact.total?.percentile(quantile))
      let approximate = try #require(hdr.total?.percentile(quantile))
      #expect(abs(approximate - reference) <= reference * 0.001 + 0.001, "q\(quantile)")
    }
  }

  @Test func percentilesOverSeveralSortedPartsEqualTheMergedOnes() {
    let parts: [[Double]] = [[1, 4, 4, 9], [2, 3], [-1, 0.5, 8, 10, 11]]
    let merged = parts.flatMap { $0 }.sorted()
    for quantile in [0, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 1] {
      let expected = merged.withUnsafeBufferPointer { ExactPercentiles.quantile(sorted: $0, quantile) }
      let pointers = parts.map { part in
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: part.count)
        _ = buffer.initialize(from: part)
        return UnsafeBufferPointer(buffer)
      }
      defer { pointers.forEach { $0.deallocate() } }
      #expect(ExactPercentiles.quantile(sortedParts: pointers, quantile) == expected)
    }
    // numpy.percentile([1..10], 90) == 9.1
    let one = Array(1...10).map(Double.init)
    #expect(one.withUnsafeBufferPointer { ExactPercentiles.quantile(sorted: $0, 0.9) } == 9.1)
  }

  @Test func rawRunsRoundTripThroughTheStore() throws {
    let run = try Self.run(path: Self.fixture("jmeter_xml_results.jtl"))
    let store = try RunStore(path: ":memory:")
    try store.insert(run, ingestedAt: Date(timeIntervalSince1970: 0))
    let loaded = try store.run(id: run.id)
    #expect(loaded.latencyMethod == .exactR7)
    #expect(loaded.setAside == run.setAside)
    #expect(loaded.total == run.total)
    #expect(loaded.tool == .jmeter)
    #expect(loaded.historyKind == .perSecond)
    let analysis = RunAnalyzer().analyze(loaded)
    #expect(analysis.latency.method == .exactR7)
    #expect(analysis.notes.contains { $0.contains("60 row(s) set aside as sub-result") })
  }
}
