import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityTestSupport

/// Fault windows on synthetic JMeter CSV logs: 10 requests a second (one every 100 ms, 50 ms
/// each) from t = 0, with every request in the given seconds refused after 3 ms.
@Suite struct FaultWindowTests {
  static let base: Int64 = 1_795_918_000

  private func run(seconds: Range<Int> = 0..<120, refused: [ClosedRange<Int>] = []) throws -> Run {
    var lines = ["timeStamp,elapsed,label,responseCode,responseMessage,threadName,success,allThreads"]
    for second in seconds {
      for request in 0..<10 {
        let stamp = (Self.base + Int64(second)) * 1_000 + Int64(request * 100)
        if refused.contains(where: { $0.contains(second) }) {
          lines.append(
            "\(stamp),3,GET /,Non HTTP response code: java.net.ConnectException,refused,T 1-1,false,20")
        } else {
          lines.append("\(stamp),50,GET /,200,OK,T 1-1,true,20")
        }
      }
    }
    return try RawLogs.run(text: lines.joined(separator: "\n") + "\n", path: "faults.jtl")
  }

  private func event(_ second: Double, _ action: String, _ target: String) -> ChaosEvent {
    ChaosEvent(time: Date(timeIntervalSince1970: Double(Self.base) + second), action: action, target: target)
  }

  @Test func aFaultWithNoVisibleEffectPasses() throws {
    let result = try #require(
      RecoveryAnalyzer().analyze(try run(), events: [event(30.02, "kill", "django-worker")]).first)
    #expect(result.effect == .none)
    #expect(result.interruptionSeconds == 0)
    #expect(result.recoverySeconds == 0)
    #expect(result.failedRequests == 0)
    #expect(result.pass == true)
    #expect(result.windowEnd == .settled)
    #expect(result.windowSeconds == 10)
    #expect(result.notes.contains { $0.hasPrefix("No visible effect") })
  }

  @Test func overlappingFaultsSplitTheirFailures() throws {
    // Refused from 60.0 to 67.9; a freeze logged at 58, a second fault at 62 before it recovered.
    let log = try run(refused: [60...67])
    let results = RecoveryAnalyzer().analyze(
      log,
      events: [
        event(58, "freeze", "django"), event(62, "kill", "redis-master"), event(66, "unfreeze", "django"),
      ])
    #expect(results.count == 2)
    let (freeze, kill) = (results[0], results[1])
    #expect(freeze.end?.action == "unfreeze")
    #expect(freeze.effect == .notRecoveredBeforeNextFault)
    #expect(freeze.recoverySeconds == nil)
    #expect(freeze.windowSeconds == 4)
    // Requests starting 60.0 … 61.9 fail by 61.903: 20; the 60 from 62.0 on belong to the kill.
    #expect(freeze.failedRequests == 20)
    #expect(kill.failedRequests == 60)
    #expect(freeze.failedRequests + kill.failedRequests == log.total?.failures)
    // The freeze's stretch without success: from the last success (59.9 + 50 ms) to its window's end.
    #expect(abs(freeze.interruptionSeconds - 2.05) < 1e-6)
    // The kill's: 62 → the first success after, 68.0 + 50 ms.
    #expect(abs(kill.interruptionSeconds - 6.05) < 1e-6)
    #expect(kill.baselineSeconds == 0)
    #expect(kill.notes.contains { $0.hasPrefix("Baseline only 0 s, cut at the previous fault's window") })
  }

  @Test func aFaultInTheFirstTenSecondsHasAShortBaseline() throws {
    let result = try #require(
      RecoveryAnalyzer().analyze(try run(refused: [5...7]), events: [event(5, "kill", "django")]).first)
    #expect(result.baselineSeconds == 5)
    #expect(result.notes.contains { $0.hasPrefix("Baseline only 5 s, cut at the run's start") })
    #expect(result.failedRequests == 30)
    // Last success before: 4.9 + 50 ms; the fault at 5.0; the next success ends at 8.05.
    #expect(abs(result.interruptionSeconds - 3.05) < 1e-6)
    #expect(abs((result.burstSeconds) - 2.9) < 1e-6)
    #expect(result.pass == true)
  }

  @Test func aFaultAfterTheLastRequestIsNotMeasuredAndCutsNothing() throws {
    let log = try run(seconds: 0..<60, refused: [30...32])
    let results = RecoveryAnalyzer().analyze(
      log, events: [event(30, "kill", "django"), event(100, "kill", "postgresql-0")])
    #expect(results.map(\.event.target) == ["django"])
    #expect(results[0].windowEnd == .settled)
    #expect(results[0].failedRequests == 30)
    #expect(abs((results[0].recoverySeconds ?? 0) - 3.05) < 1e-6)
  }

  @Test func anEndEventWithoutItsStartIsNotJudged() throws {
    let results = RecoveryAnalyzer().analyze(
      try run(refused: [40...41]), events: [event(20, "restart", "django"), event(40, "kill", "redis")])
    #expect(results.map(\.event.action) == ["kill"])
    #expect(results[0].failedRequests == 20)
  }

  @Test func twoTargetsFaultedAtOnceShareOneWindow() throws {
    let results = RecoveryAnalyzer().analyze(
      try run(refused: [60...62]), events: [event(60, "kill", "django"), event(60.3, "kill", "postgresql-0")])
    #expect(results.count == 2)
    #expect(results[0].failedRequests == 30)
    #expect(results[1].failedRequests == results[0].failedRequests)
    #expect(results[1].interruptionSeconds == results[0].interruptionSeconds)
    #expect(results[0].notes.contains { $0.contains("Faulted at once with kill postgresql-0") })
    // Each judged on its own target: the pod on the interruption, the database on recovery.
    #expect(results[0].judgedOn == .interruption)
    #expect(results[1].judgedOn == .recovery)
    #expect(results.allSatisfy { $0.pass == true })
  }
}
