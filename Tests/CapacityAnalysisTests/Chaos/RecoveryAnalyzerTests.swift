import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityTestSupport

@Suite struct RecoveryAnalyzerTests {
  /// 100 s at 20 req/s and p95 100 ms. At t = 50 the database dies: two seconds of failures (10 per
  /// second), then six frozen seconds with no responses at all; successes resume at 58 with p95
  /// 300 ms, back to 100 ms from t = 66.
  private func outageRun() -> Run {
    var total: Int64 = 0
    var failed: Int64 = 0
    let points = (0...100).map { second -> TimelinePoint in
      switch second {
      case 0: break
      case 51, 52:
        total += 10
        failed += 10
      case 53...58: break
      default: total += 20
      }
      let p95: Double = (59...65).contains(second) ? 300 : 100
      return TimelinePoint(
        timestamp: 1_000 + Int64(second), users: 50, requestsPerSecond: 20, failuresPerSecond: 0,
        percentiles: [.init(quantile: 0.95, valueMs: p95)], totalRequests: total, totalFailures: failed)
    }
    var run = Run(id: "outage", name: "chaos", tool: .locust, sourceFiles: [])
    run.timeline = points
    run.historyKind = .currentWindow
    return run
  }

  private func event(_ target: String, at second: Double = 50) -> ChaosEvent {
    ChaosEvent(time: Date(timeIntervalSince1970: 1_000 + second), action: "kill", target: target)
  }

  @Test func measuresInterruptionBurstAndRecoveryOnAKnownTimeline() throws {
    let result = try #require(RecoveryAnalyzer().analyze(outageRun(), events: [event("postgresql-0")]).first)
    #expect(result.resolutionSeconds == 1)
    // No success in the ticks ending 51 … 58: from 50 to 58.
    #expect(result.interruptionSeconds == 8)
    #expect(result.interruptionStartSeconds == 0)
    // Failures only in the ticks ending 51 and 52.
    #expect(result.burstSeconds == 2)
    #expect(result.burstFailures == 20)
    #expect(result.failedRequests == 20)
    #expect(result.baselineP95Ms == 100)
    // p95 ≤ 120 ms from the tick 65 → 66 on, held for 5 s: 15 s after the event.
    #expect(result.recoverySeconds == 15)
    #expect(result.targetSeconds == 30)
    #expect(result.judgedOn == .recovery)
    #expect(result.pass == true)
    #expect(result.baselineRequestsPerSecond == 20)
    // Five consecutive ticks (53 … 58) carried nothing at all.
    #expect(result.lowestRequestsPerSecond == 0)
    #expect(result.throughputDip == 1)
  }

  @Test func podTargetsAreJudgedOnTheInterruption() throws {
    let result = try #require(
      RecoveryAnalyzer().analyze(outageRun(), events: [event("django-7c9f8b6c5d-x2kq9")]).first)
    #expect(result.targetSeconds == 5)
    #expect(result.judgedOn == .interruption)
    #expect(result.pass == false)
  }

  @Test func anExplicitTargetWins() throws {
    var fault = event("redis")
    fault.targetSeconds = 10
    let result = try #require(RecoveryAnalyzer().analyze(outageRun(), events: [fault]).first)
    #expect(result.targetSeconds == 10)
    #expect(result.pass == false)
  }

  @Test func unknownTargetsHaveNoVerdict() throws {
    let result = try #require(RecoveryAnalyzer().analyze(outageRun(), events: [event("network")]).first)
    #expect(result.targetSeconds == nil)
    #expect(result.pass == nil)
  }

  @Test func eventsOutsideTheRunAreIgnored() {
    #expect(RecoveryAnalyzer().analyze(outageRun(), events: [event("redis", at: 500)]).isEmpty)
  }

  @Test func detectionFindsTheOutage() throws {
    let incidents = IncidentDetector().incidents(in: outageRun())
    #expect(incidents.count == 1)
    #expect(incidents.first?.origin == .detected)
    #expect(incidents.first?.time.timeIntervalSince1970 == 1_050)
  }

  @Test func theRealRefusedRunIsOneLongInterruption() throws {
    // samples/runs/invalid: nothing listened, every request was refused for the whole run.
    let run = try Corpus.run("invalid")
    let start = try #require(run.timeline.first { $0.totalRequests > 0 })
    let fault = ChaosEvent(
      time: Date(timeIntervalSince1970: Double(start.timestamp)), action: "kill", target: "django")
    let result = try #require(RecoveryAnalyzer().analyze(run, events: [fault]).first)
    let end = try #require(run.timeline.last?.timestamp)
    #expect(result.interruptionSeconds >= Double(end - start.timestamp) - 1)
    #expect(result.failedRequests >= 395 - start.totalFailures)
    #expect(result.pass == false)
  }
}

/// Recovery on a raw request log: per-request data, 1 s ticks and 10 s window percentiles.
@Suite struct RawLogRecoveryTests {
  /// 120 s of a JMeter CSV log at 10 requests per second and 50 ms, 20 threads. From t = 60 to 67
  /// every request fails (connection refused); from 68 to 79 they succeed at 400 ms; then 50 ms.
  private func outageLog() -> String {
    var lines = ["timeStamp,elapsed,label,responseCode,responseMessage,threadName,success,allThreads"]
    for second in 0..<120 {
      for request in 0..<10 {
        let stamp = 1_795_918_000_000 + second * 1_000 + request * 100
        if (60...67).contains(second) {
          lines.append(
            "\(stamp),3,GET /,Non HTTP response code: java.net.ConnectException,refused,T 1-1,false,20")
        } else {
          let elapsed = (68...79).contains(second) ? 400 : 50
          lines.append("\(stamp),\(elapsed),GET /,200,OK,T 1-1,true,20")
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func aRawLogGivesInterruptionAndWindowedRecovery() throws {
    let run = try RawLogs.run(text: outageLog(), path: "outage.jtl")
    #expect(run.hasWindowedPercentiles)
    let fault = ChaosEvent(
      time: Date(timeIntervalSince1970: 1_795_918_060), action: "kill", target: "redis-master")
    let result = try #require(RecoveryAnalyzer().analyze(run, events: [fault]).first)
    // Per request: the fault at 60.0, the first success after it ends at 68.0 + 0.4 s.
    #expect(abs(result.interruptionSeconds - 8.4) < 1e-9)
    #expect(result.resolutionSeconds == 0.001)
    #expect(result.failedRequests == 80)
    #expect(result.errorCategoryCheck(run))
    // Baseline p95 50 ms; the 60–69 and 70–79 windows hold 400 ms answers, so p95 is back within
    // 20 % from the 80–89 window: recovery 20 s after the event, judged against the 30 s cache target.
    #expect(result.baselineP95Ms.map { abs($0 - 50) < 1 } == true)
    #expect(result.recoverySeconds == 20)
    #expect(result.pass == true)
  }
}

extension RecoveryResult {
  /// The refused connections were classified as such (JMeter's Non HTTP response code).
  fileprivate func errorCategoryCheck(_ run: Run) -> Bool {
    RunAnalyzer().analyze(run).errors.first?.category == .connectionRefused
  }
}
