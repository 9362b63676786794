import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityIngest
@testable import CapacityModel

@Suite struct FaultPairerTests {
  private func event(
    _ second: Double, _ action: String, _ target: String, id: String? = nil, ends: String? = nil
  ) -> ChaosEvent {
    ChaosEvent(
      time: Date(timeIntervalSince1970: 1_000 + second), action: action, target: target, faultID: id,
      ends: ends)
  }

  @Test func endWordsCloseTheFaultOfTheirTarget() {
    let schedule = FaultPairer().schedule([
      event(0, "freeze", "django"), event(1, "kill", "redis"), event(8, "unfreeze", "django"),
      event(9, "restart", "redis"), event(20, "SIGSTOP", "db"), event(25, "SIGCONT", "db"),
    ])
    #expect(schedule.faults.map(\.start.action) == ["freeze", "kill", "SIGSTOP"])
    #expect(schedule.faults.map { $0.end?.action } == ["unfreeze", "restart", "SIGCONT"])
    #expect(schedule.endWords == ["cont", "restart", "unfreeze"])
    #expect(schedule.unpairedEnds.isEmpty)
  }

  @Test func anEndClosesTheNearestEarlierOpenFaultItCanEnd() {
    let schedule = FaultPairer().schedule([
      event(0, "kill", "django"), event(5, "drain", "django"), event(10, "kill", "django"),
      event(12, "restart", "django"), event(14, "uncordon", "django"),
    ])
    #expect(schedule.faults.map { $0.end?.time.timeIntervalSince1970 } == [nil, 1_014, 1_012])
  }

  @Test func explicitColumnsSayWhatEndsWhat() {
    let schedule = FaultPairer().schedule([
      event(0, "inject latency", "api", id: "f1"), event(2, "partition", "net"),
      event(3, "all good", "api", id: "f1"), event(4, "done", "net", ends: "partition"),
      event(5, "chaos-monkey", "web"), event(6, "over", "web", ends: "true"),
      event(7, "restart", "worker", ends: "false"),
    ])
    #expect(
      schedule.faults.map(\.start.action) == ["inject latency", "partition", "chaos-monkey", "restart"])
    #expect(schedule.faults.map { $0.end?.action } == ["all good", "done", "over", nil])
    // Only words read as ends are listed, not explicit columns.
    #expect(schedule.endWords.isEmpty)
  }

  @Test func anEndWithoutItsStartIsShownNotJudged() throws {
    let schedule = FaultPairer().schedule([
      event(0, "restart", "django"), event(10, "kill", "redis"), event(11, "unfreeze", "redis"),
    ])
    #expect(schedule.faults.map(\.start.action) == ["kill"])
    #expect(schedule.faults[0].end == nil)
    #expect(schedule.unpairedEnds.map(\.action) == ["restart", "unfreeze"])
    let notes = schedule.notes
    #expect(notes.first?.contains("restart, unfreeze") == true)
    #expect(notes.filter { $0.contains("ends no earlier open fault") }.count == 2)
  }

  @Test func theParserReadsFaultIDAndEndsColumns() throws {
    let csv = """
      time,action,target,fault_id,ends
      1795918500,kill,db,f1,
      1795918510,fine,db,f1,
      1795918520,done,db,,kill

      """
    let events = try ChaosEventParser().parse(Array(csv.utf8), file: "e.csv")
    #expect(events.map(\.faultID) == ["f1", "f1", nil])
    #expect(events.map(\.ends) == [nil, nil, "kill"])
    let jsonl = """
      {"time": 1795918500, "action": "pause", "target": "q", "fault_id": 7}
      {"time": 1795918509, "action": "go", "target": "q", "ends": true}
      """
    let lines = try ChaosEventParser().parse(Array(jsonl.utf8), file: "e.jsonl")
    #expect(lines[0].faultID == "7")
    let schedule = FaultPairer().schedule(lines)
    #expect(schedule.faults.count == 1)
    #expect(schedule.faults[0].end?.action == "go")
  }
}
