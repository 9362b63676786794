import Foundation
import Testing

@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityPlanning
@testable import CapacityReport
@testable import CapacityTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Files that change while read, things that are not files, and inputs nested or sized to
/// exhaust the stack: each is an error naming the file and the limit, never a signal or a hang.
@Suite struct HostileFileTests {
  static func temporary(_ name: String) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent(name)
  }

  @Test func deeplyNestedYAMLIsRefusedBeforeParsing() throws {
    let flow = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
    let block = (0..<3_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
    let dashes = String(repeating: "- ", count: 3_000) + "x"
    for text in [flow, block, dashes] {
      #expect {
        try ManifestLoader().parse(yaml: text, file: "deep.yaml")
      } throws: { error in
        error.localizedDescription.contains("nesting deeper than 200 levels")
          && error.localizedDescription.hasPrefix("deep.yaml:")
      }
    }
    #expect(throws: (any Error).self) { try SLOLoader().parse(yaml: flow, file: "slo.yaml") }
    #expect(throws: (any Error).self) { try ProfileLoader().parse(yaml: flow, file: "p.yaml") }
  }

  @Test func ordinaryYAMLStaysWellUnderTheDepthLimit() throws {
    let text = try String(contentsOfFile: Corpus.path("samples/k8s/seed-k8s.yaml"), encoding: .utf8)
    #expect(YAMLDepth.lineExceeding(20, in: text) == nil)
  }

  @Test func replicasNearInt64MaxAreAnErrorNotATrap() throws {
    let text = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 9223372036854775807
        template:
          spec:
            containers:
              - name: web
                resources: {requests: {cpu: 100m, memory: 128Mi}}
      """
    #expect {
      try ManifestLoader().parse(yaml: text, file: "big.yaml")
    } throws: { error in
      error.localizedDescription.contains("at most 100000")
    }
  }

  @Test func aSelfIncludingPartialIsRefusedByName() throws {
    let file = try Self.temporary("report.md.mustache")
    try "{{#runs}}{{> report.md.mustache}}{{/runs}}".write(to: file, atomically: true, encoding: .utf8)
    #expect {
      try ReportRenderer(templatesDirectory: file.deletingLastPathComponent().path)
    } throws: { error in
      error.localizedDescription.contains(
        "partials include each other in a loop: report.md.mustache → report.md.mustache")
    }
  }

  @Test func deeplyNestedSectionsAreRefused() throws {
    let file = try Self.temporary("report.md.mustache")
    let text = String(repeating: "{{#a}}", count: 20_000) + String(repeating: "{{/a}}", count: 20_000)
    try text.write(to: file, atomically: true, encoding: .utf8)
    #expect {
      try ReportRenderer(templatesDirectory: file.deletingLastPathComponent().path)
    } throws: { error in
      error.localizedDescription.contains("sections nested deeper than 100 levels")
    }
  }

  @Test func aTemplateSymlinkedOutsideItsDirectoryIsNotFollowed() throws {
    let file = try Self.temporary("report.html.mustache")
    try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: "/etc/passwd")
    #expect {
      try ReportRenderer(templatesDirectory: file.deletingLastPathComponent().path)
    } throws: { error in
      error.localizedDescription.contains("outside the templates directory")
    }
  }

  @Test func aFileTruncatedWhileMappedIsAnErrorNotSIGBUS() throws {
    let file = try Self.temporary("shrinking.jtl")
    let rows = (0..<40_000).map { "\(1_717_000_000_000 + $0),10,a,200,OK,t,text,true,,1,1,1,1,u,1,0,1\n" }
    try
      ("timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
      + "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n" + rows.joined())
      .write(to: file, atomically: true, encoding: .utf8)
    let mapping = try MappedFile(path: file.path)
    #expect(mapping.count > 1 << 20)
    #expect(truncate(file.path, 100) == 0)
    // Every page past the new end reads as zeros instead of raising SIGBUS.
    var sum = 0
    for index in stride(from: 0, to: mapping.count, by: 4096) { sum += Int(mapping.bytes[index]) }
    #expect(sum > 0)
    #expect {
      try mapping.verifyUnchanged()
    } throws: { error in
      error.localizedDescription.contains("changed while it was being read")
        && error.localizedDescription.contains(file.path)
    }
  }

  @Test func aFIFOWithoutAWriterTimesOut() throws {
    let fifo = try Self.temporary("pipe")
    #expect(mkfifo(fifo.path, 0o600) == 0)
    #expect(
      BoundedFileRead.contents(of: fifo.path, limit: 100, waitSeconds: 1) == .failure(.timedOut(seconds: 1)))
  }

  @Test func aFIFONamedExplicitlyIsReadAndOneInADirectoryIsSkipped() throws {
    let fifo = try Self.temporary("results.jtl")
    #expect(mkfifo(fifo.path, 0o600) == 0)
    let text =
      "timeStamp,elapsed,label,success\n1717000000000,10,a,true\n1717000000100,12,a,false\n"
    let writer = Thread {
      guard let handle = FileHandle(forWritingAtPath: fifo.path) else { return }
      handle.write(Data(text.utf8))
      try? handle.close()
    }
    writer.start()
    let files = try InputCollector().collect([fifo.path]).files
    #expect(files.map(\.kind) == [.jmeterCSV])
    let run = try #require(try RawLogRunBuilder().build(files).first)
    #expect(run.total?.requests == 2)
    #expect(run.total?.failures == 1)
    let walked = try InputCollector().collect([fifo.deletingLastPathComponent().path])
    #expect(walked.files.isEmpty)
  }

  @Test func timesOfAnyMagnitudeFormatWithoutTrapping() {
    #expect(UTCTimestamp.format(Date(timeIntervalSince1970: 1e300)) == "9999-12-31T23:59:59Z")
    #expect(UTCTimestamp.format(Date(timeIntervalSince1970: -1e300)) == "0001-01-01T00:00:00Z")
    #expect(UTCTimestamp.format(Date(timeIntervalSince1970: .nan)) == "1970-01-01T00:00:00Z")
    let text = Array("9999-12-31T23:59:59.999Z".utf8)
    #expect(text.withUnsafeBufferPointer { ByteScanning.parseDateTime($0.baseAddress!, $0.count) } == nil)
  }
}
