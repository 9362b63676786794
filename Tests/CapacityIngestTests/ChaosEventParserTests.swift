import Foundation
import Testing

@testable import CapacityIngest
@testable import CapacityModel

@Suite struct ChaosEventParserTests {
  @Test func readsCSVWithISOAndEpochTimes() throws {
    let text = """
      time,action,target,target_s
      2026-11-29T02:16:00Z,kill,postgresql-0,
      1795918620.5,kill,django-abc,5

      """
    let events = try ChaosEventParser().parse(Array(text.utf8), file: "e.csv")
    #expect(events.map(\.target) == ["postgresql-0", "django-abc"])
    #expect(events[0].time.timeIntervalSince1970 == 1_795_918_560)
    #expect(events[1].time.timeIntervalSince1970 == 1_795_918_620.5)
    #expect(events[1].targetSeconds == 5)
  }

  @Test func readsJSONLinesWithOffsets() throws {
    let text = """
      {"time": "2026-11-29T03:16:00+01:00", "action": "drain", "target": "node-1"}
      {"time": 1795918500, "action": "kill", "target": "redis-master", "target_s": 30}
      """
    let events = try ChaosEventParser().parse(Array(text.utf8), file: "e.jsonl")
    #expect(events.map(\.action) == ["kill", "drain"])
    #expect(events[1].time.timeIntervalSince1970 == 1_795_918_560)
    #expect(events[0].targetSeconds == 30)
  }

  @Test func aBadTimeNamesTheLine() {
    let text = "time,action,target\nyesterday,kill,db\n"
    #expect(
      throws: IngestError.malformedRow(
        SourceLocation(file: "e.csv", line: 2),
        reason: "time 'yesterday' is neither ISO-8601 nor epoch seconds")
    ) {
      try ChaosEventParser().parse(Array(text.utf8), file: "e.csv")
    }
  }

  @Test func moreEventsThanTheLimitAreRefusedWithTheCount() {
    let count = ChaosEventParser.maximumEvents + 1
    let rows = (0..<count).map { "\(1_795_918_560 + $0),kill,web" }
    let text = "time,action,target\n" + rows.joined(separator: "\n") + "\n"
    #expect(
      throws: IngestError.unsupported(
        path: "e.csv",
        reason: "10001 events, at most 10000 in one events file; "
          + "pass only the faults of the runs being analysed (split the file by run or time)")
    ) {
      try ChaosEventParser().parse(Array(text.utf8), file: "e.csv")
    }
  }

  @Test func aFIFOOrAMissingFileIsRefusedBeforeReading() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let fifo = directory.appendingPathComponent("events.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(throws: IngestError.unreadable(path: fifo, reason: "not a regular file")) {
      try ChaosEventParser().parse(file: fifo)
    }
    let missing = directory.appendingPathComponent("none.csv").path
    #expect(throws: IngestError.notFound(path: missing)) { try ChaosEventParser().parse(file: missing) }
  }
}
