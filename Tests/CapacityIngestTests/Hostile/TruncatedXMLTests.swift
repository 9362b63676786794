import Foundation
import Testing

@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityTestSupport

/// The corpus's JMeter XML JTL (1 088 top-level samples, 60 redirect sub-results) cut off at
/// several byte offsets. The expected counts and lines come from `scripts/jtl-xml-truth.py FILE
/// BYTES` (Python's expat, not libxml2): complete top-level samples, the samples nested in them,
/// the line where the file stops and the line the incomplete top-level sample starts on.
@Suite struct TruncatedXMLTests {
  struct Cut: Sendable, CustomTestStringConvertible {
    var bytes: Int
    var complete: Int64
    var nested: Int64
    var line: Int
    var elementLine: Int
    var testDescription: String { "cut after \(bytes) bytes" }
  }

  static let cuts = [
    Cut(bytes: 600, complete: 1, nested: 2, line: 7, elementLine: 7),
    Cut(bytes: 1_000, complete: 1, nested: 2, line: 9, elementLine: 7),
    Cut(bytes: 50_000, complete: 237, nested: 60, line: 456, elementLine: 456),
    Cut(bytes: 100_000, complete: 534, nested: 60, line: 951, elementLine: 951),
    Cut(bytes: 150_000, complete: 830, nested: 60, line: 1451, elementLine: 1451),
    Cut(bytes: 193_000, complete: 1087, nested: 60, line: 1864, elementLine: 1864),
  ]

  static func run(_ bytes: [UInt8]) throws -> Run {
    try #require(
      try RawLogRunBuilder().build([InputFile(path: "cut.jtl", kind: .jmeterXML, bytes: bytes)]).first)
  }

  static func corpus() throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: RawLogs.fixture("jmeter_xml_results.jtl"))))
  }

  @Test(arguments: cuts) func aCutOffFileKeepsEveryCompleteSample(_ cut: Cut) throws {
    let run = try Self.run(Array(try Self.corpus().prefix(cut.bytes)))
    #expect(run.total?.requests == cut.complete)
    #expect(HostileRawLogTests.setAside(run, .subResult) == cut.nested)
    let warning = try #require(run.diagnostics.first { $0.message.contains("cut off here") })
    #expect(warning.location.line == cut.line)
    #expect(warning.location.file == "cut.jtl")
    #expect(warning.message.contains("inside the sample that starts at line \(cut.elementLine):"))
    #expect(warning.message.contains("the complete samples before it are read"))
  }

  @Test func onlyTheRootEndTagMissingKeepsEverySample() throws {
    let bytes = try Self.corpus()
    let run = try Self.run(Array(bytes.prefix(bytes.count - "</testResults>\n".utf8.count)))
    #expect(run.total?.requests == 1088)
    let warning = try #require(run.diagnostics.first { $0.message.contains("ends without </testResults>") })
    #expect(warning.location.line == 1872)
  }

  @Test func aWholeFileHasNoWarning() throws {
    let run = try Self.run(try Self.corpus())
    #expect(run.total?.requests == 1088)
    #expect(run.diagnostics.allSatisfy { !$0.message.contains("XML") && !$0.message.contains("cut off") })
  }

  @Test func aBrokenAttributeMidFileKeepsTheSamplesBeforeItsLine() throws {
    // Line 1000 gets `ts<"…"`: expat counts 559 complete samples before it (the script on the
    // edited file); libxml2 alone hands over 556.
    var lines = String(decoding: try Self.corpus(), as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    let index = lines.index(lines.startIndex, offsetBy: 999)
    let line = lines[index]
    let position = try #require(line.range(of: "ts="))
    lines[index] = line.replacingCharacters(in: position, with: "ts<")[...]
    let run = try Self.run(Array(lines.joined(separator: "\n").utf8))
    #expect(run.total?.requests == 559)
    let warning = try #require(run.diagnostics.first { $0.message.contains("stops being well-formed") })
    #expect(warning.location.line == 1000)
  }
}
