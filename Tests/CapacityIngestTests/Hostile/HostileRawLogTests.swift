import Foundation
import Testing

@testable import CapacityIngest
@testable import CapacityModel

/// Hostile raw logs, generated in the test: every row is either counted or set aside with a
/// counted `file:line` warning, and no value traps, allocates by its magnitude or hangs.
@Suite struct HostileRawLogTests {
  static let header =
    "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
    + "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n"
  static let start: Int64 = 1_717_000_000_000

  /// `count` good JTL rows, one every 100 ms from `start`.
  static func rows(_ count: Int, from start: Int64 = start, label: String = "home") -> String {
    (0..<count).map { index in
      "\(start + Int64(index) * 100),\(10 + index % 7),\(label),200,OK,t 1-1,text,true,,10,10,1,1,http://x/,5,0,1\n"
    }.joined()
  }

  static func run(_ text: String, kind: InputKind = .jmeterCSV, path: String = "h.jtl") throws -> Run {
    try #require(
      try RawLogRunBuilder().build([InputFile(path: path, kind: kind, bytes: Array(text.utf8))]).first)
  }

  static func setAside(_ run: Run, _ reason: SetAsideReason) -> Int64 {
    run.setAside.first { $0.reason == reason }?.count ?? 0
  }

  @Test func strayTimestampsAreSetAsideNotAllocated() throws {
    // Unix 0, year 9999 and year 2262+ (nanoseconds overflow Int64) around 200 good rows.
    let text =
      Self.header + Self.rows(100) + "0,12,home,200,OK,t 1-1,text,true,,1,1,1,1,u,1,0,1\n"
      + "253402300799000,12,home,200,OK,t 1-1,text,true,,1,1,1,1,u,1,0,1\n"
      + Self.rows(100, from: Self.start + 10_000)
    let run = try Self.run(text)
    #expect(run.total?.requests == 200)
    #expect(Self.setAside(run, .implausibleTime) == 2)
    let warnings = run.diagnostics.filter { $0.message.contains("before 2000 or after 2100") }
    #expect(warnings.map(\.location.line) == [102, 103])
    #expect(run.timeline.count < 40)
  }

  @Test func negativeAndAbsurdLatenciesAreSetAsideAndCounted() throws {
    let text =
      Self.header + Self.rows(50) + "\(Self.start + 50),-5,home,200,OK,t 1-1,text,true,,1,1,1,1,u,1,0,1\n"
      + "\(Self.start + 60),9000000000000000,home,200,OK,t 1-1,text,true,,1,1,1,1,u,1,0,1\n"
    let run = try Self.run(text)
    #expect(run.total?.requests == 50)
    #expect(Self.setAside(run, .implausibleLatency) == 2)
    #expect((run.total?.minMs ?? -1) >= 10)
    #expect((run.total?.maxMs ?? .infinity) <= 16)
    #expect(
      run.diagnostics.contains { $0.message.contains("latency -5 ms is negative") && $0.location.line == 52 })
    #expect(run.diagnostics.contains { $0.message.contains("over one day") && $0.location.line == 53 })
  }

  @Test func aJTLWithoutSuccessDerivesItFromTheResponseCode() throws {
    let text =
      "timeStamp,elapsed,label,responseCode\n" + "\(Self.start),10,a,200\n" + "\(Self.start + 1),10,a,302\n"
      + "\(Self.start + 2),10,a,500\n"
      + "\(Self.start + 3),10,a,Non HTTP response code: java.net.ConnectException\n"
    let run = try Self.run(text)
    #expect(run.total?.requests == 4)
    #expect(run.total?.failures == 2)
    #expect(run.diagnostics.contains { $0.message.contains("no success column") && $0.location.line == 1 })
  }

  @Test func aDuplicatedColumnIsNamedAndTheFirstCopyRead() throws {
    let text = "timeStamp,elapsed,label,elapsed,success\n\(Self.start),10,a,99999,true\n"
    let run = try Self.run(text)
    #expect(run.total?.maxMs == 10)
    #expect(
      run.diagnostics.contains {
        $0.message.contains("duplicate column: 'elapsed' is both column 2 and column 4")
      })
  }

  @Test func anUnterminatedQuoteIsAWarningAndReadingResyncs() throws {
    var text = Self.header + Self.rows(150)
    text += "\(Self.start + 20_000),11,home,500,\"Internal error,t 1-1,text,false,,1,1,1,1,u,1,0,1\n"
    text += Self.rows(149, from: Self.start + 30_000)
    let run = try Self.run(text)
    #expect(run.total?.requests == 300)
    let warning = try #require(run.diagnostics.first { $0.message.contains("quoted field is not closed") })
    #expect(warning.location.line == 152)
  }

  @Test func mixedLineEndingsAreReadAsLines() throws {
    let lines = Self.rows(500).split(separator: "\n", omittingEmptySubsequences: true)
    let body = lines.enumerated().map { $0.offset % 3 == 0 ? $0.element + "\r\n" : $0.element + "\n" }
      .joined()
    let run = try Self.run(Self.header.replacingOccurrences(of: "\n", with: "\r\n") + body)
    #expect(run.total?.requests == 500)
    #expect(run.diagnostics.isEmpty)
  }

  @Test func gatlingTimesThatOverflowAreSetAside() throws {
    let text =
      "RUN\tcom.acme.Sim\tsim\t1717000000000\t \t3.11.5\n"
      + "USER\tshoppers\tSTART\t0\nUSER\tshoppers\tEND\t9223372036854775807\n"
      + "REQUEST\t\thome\t1717000000150\t1717000000230\tOK\t \n"
      + "REQUEST\t\thome\t-9223372036854775807\t9223372036854775807\tOK\t \n"
      + "REQUEST\t\thome\t1717000000300\t1717000000100\tOK\t \n"
    let run = try Self.run(text, kind: .gatlingLog, path: "simulation.log")
    #expect(run.total?.requests == 1)
    #expect(run.diagnostics.contains { $0.message.contains("malformed REQUEST") && $0.location.line == 5 })
    #expect(Self.setAside(run, .implausibleLatency) == 1)
  }

  @Test func k6ValuesOfAnyMagnitudeNeverTrap() throws {
    let text = """
      {"type":"Point","metric":"vus","data":{"time":"2024-05-29T12:00:00Z","value":1e300}}
      {"type":"Point","metric":"http_req_duration","data":{"time":"9999-12-31T23:59:59Z","value":1e300}}
      {"type":"Point","metric":"http_req_duration","data":{"time":"2024-05-29T12:00:01Z","value":12.5}}
      {"type":"Point","metric":"http_req_duration","data":{"time":"2024-05-29T12:00:02Z","value":-3}}

      """
    let run = try Self.run(text, kind: .k6JSON, path: "k6.json")
    #expect(run.total?.requests == 1)
    #expect(Self.setAside(run, .implausibleLatency) == 1)
    #expect(run.diagnostics.contains { $0.location.line == 2 })
  }

  @Test func userCountsFarApartWithoutARequestMergeNoTimeTable() throws {
    // Fuzz finding: `vus` rows only, one at second 17, once merged into a 54-year table (3 GB).
    let text = "metric_name,timestamp,metric_value\nvus,1700000000,10\nvus,17,3\nvus,1700000001,11\n"
    let file = InputFile(path: "k6.csv", kind: .k6CSV, bytes: Array(text.utf8))
    let runs = try RawLogRunBuilder().build([file])
    #expect(runs.allSatisfy { ($0.total?.requests ?? 0) == 0 && $0.timeline.isEmpty })
  }
}
