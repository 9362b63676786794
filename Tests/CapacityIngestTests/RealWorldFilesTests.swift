import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityTestSupport

/// Files as users have them: appended sessions, empty labels, header-less JTLs of older JMeter
/// versions, Gatling 2.x, Locust 0.x, k6 methods, gzip. Totals are checked against `truth.json`,
/// which `Fixtures/realworld/truth.py` computes with Python's `csv` module (see the README there).
@Suite struct RealWorldFilesTests {
  static func fixture(_ name: String) -> String {
    Corpus.path("Tests/Fixtures/realworld/\(name)")
  }

  /// Per fixture, its runs in time order: requests, failures, p95 and endpoint counts.
  static var truth: [String: [[String: Any]]] {
    let data = (try? Data(contentsOf: URL(fileURLWithPath: fixture("truth.json")))) ?? Data()
    return (try? JSONSerialization.jsonObject(with: data) as? [String: [[String: Any]]]) ?? [:]
  }

  static func runs(_ names: [String], builder: RawLogRunBuilder = RawLogRunBuilder()) throws -> [Run] {
    let files = try InputCollector().collect(names.map(fixture)).files
    return try builder.build(files.filter(\.kind.isRawLog))
      + LocustRunAssembler().assemble(files.filter { !$0.kind.isRawLog })
  }

  /// Checks each run's totals, p95 and endpoint counts against the truth entry.
  static func expectTruth(_ runs: [Run], _ key: String) throws {
    let expected = try #require(truth[key], "no truth for \(key)")
    try #require(runs.count == expected.count, "\(key): \(runs.count) runs, truth has \(expected.count)")
    for (run, truth) in zip(runs, expected) {
      #expect(run.total?.requests == (truth["requests"] as? NSNumber)?.int64Value, "\(run.name) requests")
      #expect(run.total?.failures == (truth["failures"] as? NSNumber)?.int64Value, "\(run.name) failures")
      if let p95 = truth["p95_ms"] as? Double {
        let measured = try #require(run.total?.percentile(0.95))
        #expect(abs(measured - p95) < 0.001, "\(run.name) p95 \(measured) vs \(p95)")
      }
      let endpoints = try #require(truth["endpoints"] as? [String: [String: Int]])
      let measured = Dictionary(
        uniqueKeysWithValues: run.endpoints.map {
          ("\($0.method) \($0.name)", [Int($0.requests), Int($0.failures)])
        })
      #expect(
        measured == endpoints.mapValues { [$0["requests"]!, $0["failures"]!] }, "\(run.name) endpoints")
    }
  }

  @Test func appendedSessionsOfDebianJMeterAreRunsOfTheirOwn() throws {
    let runs = try Self.runs(["sessions_pipe.jtl"], builder: RawLogRunBuilder(sessionGap: 60))
    try Self.expectTruth(runs, "sessions_pipe.jtl")
    #expect(runs.map(\.name) == ["sessions_pipe#1", "sessions_pipe#2"])
    #expect(Set(runs.map(\.id)).count == 2)
    #expect(runs.allSatisfy { $0.origin?.sessions == 2 })
    // Each timeline covers its session only, not the gap between them.
    for run in runs {
      let span = (run.timeline.last?.timestamp ?? 0) - (run.timeline.first?.timestamp ?? 0)
      #expect(span < 60, "\(run.name) timeline spans \(span) s")
    }
    let note = RunAnalyzer().analyze(runs[1]).notes.first { $0.hasPrefix("Session 2 of 2") }
    #expect(note != nil)
  }

  @Test func oneSessionWithoutSplittingKeepsTheFileID() throws {
    let runs = try Self.runs(["sessions_pipe.jtl"], builder: RawLogRunBuilder(sessionGap: 0))
    #expect(runs.count == 1)
    #expect(runs[0].total?.requests == 113)
    #expect(runs[0].origin == nil)
  }

  @Test func sessionsWeeksApartCostWhatTheirSamplesCost() throws {
    // The second session of the real file moved 45 days later.
    let text = try String(contentsOfFile: Self.fixture("sessions_pipe.jtl"), encoding: .utf8)
    let lines = text.split(separator: "\n")
    let first = try #require(Int64(lines[0].prefix(13)))
    let shifted = lines.map { line -> String in
      let stamp = Int64(line.prefix(13))!
      return stamp > first + 60_000 ? "\(stamp + 45 * 86_400_000)" + line.dropFirst(13) : String(line)
    }.joined(separator: "\n")
    let file = InputFile(path: "shifted.jtl", kind: .jmeterCSV, bytes: Array(shifted.utf8))
    let runs = try RawLogRunBuilder().build([file])
    #expect(runs.map { $0.total?.requests } == [55, 58])
    #expect(runs.allSatisfy { $0.timeline.count < 120 })
  }

  @Test func hundredsOfSessionsAskForALargerGap() throws {
    var text = "timeStamp,elapsed,label,success\n"
    for index in 0..<150 { text += "\(1_700_000_000_000 + Int64(index) * 400_000),10,Home,true\n" }
    let file = InputFile(path: "sparse.jtl", kind: .jmeterCSV, bytes: Array(text.utf8))
    #expect {
      _ = try RawLogRunBuilder().build([file])
    } throws: { error in
      ((error as? IngestError)?.errorDescription ?? "").contains("150 sessions at gaps over 5 min")
    }
    #expect(try RawLogRunBuilder(sessionGap: 0).build([file]).first?.total?.requests == 150)
  }

  @Test func headerlessLayoutsOfOlderJMeterVersionsAreInferred() throws {
    for (name, layout) in [
      ("jmeter31_4x_headerless.jtl", "JMeter 3.1-4.x"), ("jmeter4x_headerless_tab.jtl", "JMeter 3.1-4.x"),
      ("jmeter30_headerless_pipe.jtl", "JMeter 3.0"),
      ("jmeter2x_13fields_pipe.jtl", "JMeter 2.13 with failureMessage"),
    ] {
      let runs = try Self.runs([name])
      try Self.expectTruth(runs, name)
      #expect(runs[0].diagnostics.contains { $0.message.contains(layout) }, "\(name): \(runs[0].diagnostics)")
      #expect(runs[0].endpoints.contains { $0.name == "(empty label)" && $0.requests > 0 })
    }
  }

  @Test func aJMeterPropertiesFileNextToTheLogGivesTheColumns() throws {
    let runs = try Self.runs(["fewer_fields/fewer_fields.jtl"])
    try Self.expectTruth(runs, "fewer_fields/fewer_fields.jtl")
    #expect(runs[0].diagnostics.contains { $0.message.contains("jmeter.properties") })
  }

  @Test func jtlColumnsOverrideTheInference() throws {
    let columns =
      "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage"
      + ",bytes,grpThreads,allThreads,Latency"
    let runs = try Self.runs(
      ["jmeter2x_13fields_pipe.jtl"],
      builder: RawLogRunBuilder(jtlColumns: columns.split(separator: ",").map(String.init)))
    try Self.expectTruth(runs, "jmeter2x_13fields_pipe.jtl")
    #expect(runs[0].diagnostics.contains { $0.message.contains("--jtl-columns") })
  }

  @Test func aLayoutNothingFitsIsRefusedWithTheLayoutsTried() throws {
    #expect {
      _ = try Self.runs(["jmeter_unknown_7fields.jtl"])
    } throws: { error in
      let message = (error as? IngestError)?.errorDescription ?? ""
      return message.contains("7 field(s)") && message.contains("JMeter 5.x default (17)")
        && message.contains("--jtl-columns")
    }
  }

  @Test func gatling2LogsRead() throws {
    try Self.expectTruth(try Self.runs(["gatling22_simulation.log"]), "gatling22_simulation.log")
    try Self.expectTruth(try Self.runs(["gatling21_simulation.log"]), "gatling21_simulation.log")
  }

  @Test func gatling1LogsAreRefusedNamingTheVersion() throws {
    #expect {
      _ = try Self.runs(["gatling1x_simulation.log"])
    } throws: { error in
      ((error as? IngestError)?.errorDescription ?? "").contains("Gatling 1.x")
    }
  }

  @Test func locust0xStatsCountFailuresOnTopOfRequests() throws {
    let runs = try Self.runs(["example_requests.csv", "example_distribution.csv"])
    try #require(runs.count == 1)
    let truth = try #require(Self.truth["example_requests.csv"]?.first)
    #expect(runs[0].total?.requests == (truth["requests"] as? NSNumber)?.int64Value)
    #expect(runs[0].total?.failures == (truth["failures"] as? NSNumber)?.int64Value)
    let endpoints = try #require(truth["endpoints"] as? [String: [String: Int]])
    #expect(
      Dictionary(
        uniqueKeysWithValues: runs[0].endpoints.map { ("\($0.method) \($0.name)", Int($0.requests)) })
        == endpoints.mapValues { $0["requests"]! })
    #expect(runs[0].total?.percentile(0.95) == 4)
    #expect(runs[0].endpoints.first { $0.name == "/stats/requests" }?.percentile(0.99) == 5)
    #expect(RunAnalyzer().analyze(runs[0]).notes.contains { $0.contains("Locust 0.x") })
  }

  @Test func k6EndpointsAreKeyedByMethodAndName() throws {
    for name in ["k6_get_post_same_url.csv", "k6_get_post_same_url.ndjson"] {
      let runs = try Self.runs([name])
      try Self.expectTruth(runs, name)
      #expect(Set(runs[0].endpoints.map(\.method)) == ["GET", "POST"])
    }
  }

  @Test func mergedGeneratorsAreOneRunWithExactPercentilesOverTheUnion() throws {
    let runs = try Self.runs(
      ["engine_a.jtl", "engine_b.jtl"], builder: RawLogRunBuilder(sessionGap: 60, merge: true))
    try Self.expectTruth(runs, "merged engine_a.jtl+engine_b.jtl")
    let generators = try #require(
      Self.truth["merged engine_a.jtl+engine_b.jtl"]?.first?["generators"] as? [String: Int])
    #expect(
      runs[0].origin?.generators.map { Int($0.requests) }
        == [generators["engine_a.jtl"]!, generators["engine_b.jtl"]!])
  }

  @Test func overlappingFilesWithTheSameLabelsGetAMergeHint() throws {
    let runs = try Self.runs(["engine_a.jtl", "engine_b.jtl"], builder: RawLogRunBuilder(sessionGap: 60))
    #expect(runs.count == 2)
    #expect(runs.allSatisfy { run in run.diagnostics.contains { $0.message.contains("--merge") } })
  }

  @Test func gzippedInputsReadAsTheirContent() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gz-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for name in ["gatling22_simulation.log", "example_requests.csv"] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "gzip -c '\(Self.fixture(name))' > '\(directory.path)/\(name).gz'"]
      try process.run()
      process.waitUntilExit()
    }
    let files = try InputCollector().collect([directory.path]).files
    #expect(Set(files.map(\.kind)) == [.gatlingLog, .locustLegacyRequests])
    let gatling = try RawLogRunBuilder().build(files.filter(\.kind.isRawLog))
    try Self.expectTruth(gatling, "gatling22_simulation.log")
    #expect(gatling[0].name == "gatling22_simulation")
  }

  @Test func aCutOffGzipIsAClearError() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID()).gz").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -c '\(Self.fixture("sessions_pipe.jtl"))' | head -c 900 > '\(path)'"]
    try process.run()
    process.waitUntilExit()
    #expect {
      _ = try InputCollector().collect([path])
    } throws: { error in
      ((error as? IngestError)?.errorDescription ?? "").contains("cut off")
    }
  }

  @Test func vegetaBinaryOutputIsRefusedWithTheEncodeCommand() throws {
    // The opening of a gob stream: a type definition naming vegeta's Result fields.
    var bytes: [UInt8] = [0x7F, 0xFF, 0x81, 0x03, 0x01, 0x01, 0x06]
    bytes +=
      Array("Result".utf8) + [0x01, 0xFF, 0x82] + Array("Attack Seq Code Timestamp Latency BytesOut".utf8)
    let kind = try #require(InputKind.detect(head: bytes))
    #expect(kind == .vegetaBinary)
    #expect {
      _ = try RawLogRunBuilder().build([InputFile(path: "results.bin", kind: kind, bytes: bytes)])
    } throws: { error in
      ((error as? IngestError)?.errorDescription ?? "").contains(
        "vegeta encode --to csv --output results.csv results.bin")
    }
  }

  @Test func realJMeterEmptyLabelsAreCountedInCSVAndXML() throws {
    for name in ["empty_label.jtl", "empty_label.xml"] {
      let runs = try Self.runs([name])
      try Self.expectTruth(runs, name)
      let empty = try #require(runs[0].endpoints.first { $0.name == "(empty label)" })
      #expect(empty.failures == 3)
    }
  }

  @Test func emptyLabelsAreCounted() throws {
    let text = """
      timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success
      1700000000000,10,,500,Internal Server Error,T 1-1,text,false
      1700000000100,12,,200,OK,T 1-1,text,true
      1700000000200,14,Home,200,OK,T 1-1,text,true

      """
    let kind = try #require(InputKind.detect(head: Array(text.utf8)))
    let run = try RawLogRunBuilder().build([InputFile(path: "e.jtl", kind: kind, bytes: Array(text.utf8))])[0]
    #expect(run.total?.requests == 3)
    #expect(run.total?.failures == 1)
    let empty = try #require(run.endpoints.first { $0.name == "(empty label)" })
    #expect(empty.requests == 2 && empty.failures == 1)
    #expect(run.errors.contains { $0.name == "(empty label)" })
  }

  @Test func aRawLogWithoutRequestsIsInvalidInItsOwnTerms() throws {
    let text = "timeStamp,elapsed,label,success\nnot-a-time,x,Home,true\n"
    let kind = try #require(InputKind.detect(head: Array(text.utf8)))
    let run = try RawLogRunBuilder().build([InputFile(path: "bad.jtl", kind: kind, bytes: Array(text.utf8))])[
      0]
    let validity = RunAnalyzer().analyze(run).validity
    #expect(validity.verdict == .invalid)
    #expect(validity.reasons.first?.contains("jmeter log bad.jtl holds no countable request") == true)
    #expect(validity.reasons.allSatisfy { !$0.contains("Aggregated") })
  }
}
