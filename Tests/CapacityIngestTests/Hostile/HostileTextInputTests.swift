import Foundation
import Testing

@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityTestSupport

/// Line endings, spacing and encodings that real tools and editors write: read as lines and
/// values, or refused with the byte where the text went wrong.
@Suite struct HostileTextInputTests {
  static func mixEndings(_ text: String) -> [UInt8] {
    // Every other line ends in CRLF, the rest in LF.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return Array(
      lines.enumerated().map { $0.offset % 2 == 0 ? $0.element + "\r" : $0.element }
        .joined(separator: "\n").utf8)
  }

  static func read(_ bytes: [UInt8], path: String) throws -> ResourceFile {
    let kind = try #require(InputKind.detect(head: Array(bytes.prefix(4096))))
    return try ResourceFileReader().read(InputFile(path: path, kind: kind, bytes: bytes))
  }

  @Test func pidstatWithCRLFOrMixedEndingsIsRecognisedAndEveryRowRead() throws {
    let plain = try Corpus.bytes("Tests/Fixtures/resources/light/pidstat.txt")
    let text = String(decoding: plain, as: UTF8.self)
    let expected = try Self.read(plain, path: "p.txt").series.map(\.points.count)
    let crlf = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    #expect(InputKind.detect(head: Array(crlf.prefix(4096))) == .pidstat)
    #expect(try Self.read(crlf, path: "p.txt").series.map(\.points.count) == expected)
    #expect(try Self.read(Self.mixEndings(text), path: "p.txt").series.map(\.points.count) == expected)
    #expect(expected.reduce(0, +) > 100)
  }

  @Test func kubectlTopWithMixedEndingsKeepsEveryLine() throws {
    let rows = (0..<500).map {
      "2026-11-29T02:\(10 + $0 / 60):\(String(format: "%02d", $0 % 60))Z django-7c9f8b6c5d-x2kq9 \($0)m 39Mi"
    }
    let plain = Array((rows.joined(separator: "\n") + "\n").utf8)
    let mixed = Self.mixEndings(rows.joined(separator: "\n") + "\n")
    let count = { (file: ResourceFile) in
      file.series.filter { $0.metric == .cpu }.map(\.points.count).reduce(0, +)
    }
    #expect(count(try Self.read(plain, path: "k.log")) == 500)
    #expect(count(try Self.read(mixed, path: "k.log")) == 500)
  }

  @Test func k6NDJSONWithSpacesAfterColonsIsDetectedAndRead() throws {
    let text = """
      {"type": "Metric", "data": {"name": "http_req_duration", "type": "trend"}, "metric": "http_req_duration"}
      {"type": "Point", "data": {"time": "2024-05-29T12:00:00.5Z", "value": 12.5, "tags": {"name": "home", "method": "GET", "status": "200"}}, "metric": "http_req_duration"}
      {"type": "Point", "data": {"time": "2024-05-29T12:00:01Z", "value": 30, "tags": {"name": "home", "method": "GET", "status": "500"}}, "metric": "http_req_duration"}

      """
    #expect(InputKind.detect(head: Array(text.utf8)) == .k6JSON)
    let run = try #require(
      try RawLogRunBuilder().build([InputFile(path: "k6.json", kind: .k6JSON, bytes: Array(text.utf8))]).first
    )
    #expect(run.total?.requests == 2)
    #expect(run.total?.failures == 1)
    #expect(run.total?.maxMs == 30)
  }

  @Test func invalidUTF8InPrometheusJSONNamesTheByte() throws {
    var bytes = Array(
      #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"pod":"a"#.utf8)
    let offset = bytes.count
    bytes += [0xC3, 0x28]
    bytes += Array(#""},"values":[[1,"1"]]}]}}"#.utf8)
    #expect {
      try ResourceFileReader().read(InputFile(path: "p.json", kind: .prometheusRange, bytes: bytes))
    } throws: { error in
      error.localizedDescription.contains("invalid UTF-8 at byte \(offset) (line 1)")
    }
  }
}

extension HostileTextInputTests {
  @Test func aLocustAggregatedRowThatDisagreesIsAWarningAndTheSumsAreUsed() throws {
    let text = """
      Type,Name,Request Count,Failure Count
      GET,/a,500,3
      GET,/b,271,0
      ,Aggregated,999999,3

      """
    let stats = try LocustFileParser().parseStats(Array(text.utf8), file: "s.csv")
    #expect(stats.total?.requests == 771)
    #expect(stats.total?.failures == 3)
    #expect(
      stats.diagnostics.map(\.message) == [
        "the Aggregated row says 999999 requests and 3 failures, the endpoint rows sum to 771 and 3; "
          + "the report uses the endpoint sums"
      ])
  }

  @Test func aLocustRowWithMoreFailuresThanRequestsIsSkipped() throws {
    let text = "Type,Name,Request Count,Failure Count\nGET,/a,10,0\nGET,/b,5,50\n"
    let stats = try LocustFileParser().parseStats(Array(text.utf8), file: "s.csv")
    #expect(stats.endpoints.map(\.name) == ["/a"])
    #expect(stats.diagnostics.map(\.location.line) == [3])
  }

  @Test func aPidstatRowShorterThanAColumnItIsReadAtIsSkippedWithAWarning() throws {
    // Fuzz finding: PID named after Command, a row ending at Command (an index out of range).
    let text = try Corpus.bytes(
      "Tests/Fixtures/fuzz/pidstat/trap-pid-column-after-command.txt")
    let file = try Self.read(text, path: "p.txt")
    #expect(file.diagnostics.map(\.location.line) == [4])
    #expect(file.diagnostics.first?.message == "unreadable pidstat row skipped")
    #expect(file.series.first { $0.metric == .cpu }?.points.map(\.value) == [50])
    #expect(file.series.first { $0.metric == .memory }?.points.map(\.value) == [1_024_000])
  }
}
