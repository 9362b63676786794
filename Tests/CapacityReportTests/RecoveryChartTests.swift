import CapacityModel
import Foundation
import Testing

@testable import CapacityReport

/// The chart of the minutes around one fault, on the time-chart engine: wall-clock axis from a
/// minute before the event to two after, the event and its end marked, the analysis window shaded,
/// and per-second values in the hover titles that equal the timeline's differences.
@Suite struct RecoveryChartTests {
  let event = 1_795_918_560.0  // 2026-11-29T02:16:00Z

  /// Locust-style cumulative history every second for 300 s: 10 requests/s, of which 4 fail
  /// during the 20 s after the event.
  private var timeline: [TimelinePoint] {
    var requests: Int64 = 0
    var failures: Int64 = 0
    return (0..<300).map { offset in
      let time = Int64(event) - 150 + Int64(offset)
      requests += 10
      if Double(time) > event, Double(time) <= event + 20 { failures += 4 }
      return TimelinePoint(
        timestamp: time, users: 10, requestsPerSecond: 10, failuresPerSecond: 0,
        percentiles: [PercentileValue(quantile: 0.95, valueMs: 120)], totalRequests: requests,
        totalFailures: failures)
    }
  }

  @Test func marksTheFaultOnAWallClockAxisAroundIt() throws {
    let svg = try #require(
      RecoveryChart().svg(
        timeline: timeline, kind: .currentWindow, time: event, label: "kill <web>", endAfter: 30,
        endLabel: "start web", windowSeconds: 45))
    #expect(!svg.contains("<web>") && svg.contains("kill &lt;web&gt;"))
    // −60 s … +120 s: ticks every 30 s from 02:15:00 to 02:18:00.
    for label in ["02:15:00", "02:15:30", "02:16:00", "02:17:30", "02:18:00"] {
      #expect(svg.contains(">\(label)</text>"), "no \(label) tick")
    }
    #expect(!svg.contains(">02:14:30</text>") && !svg.contains(">02:18:30</text>"))
    #expect(svg.components(separatedBy: "class=\"event\"").count - 1 == 1)
    #expect(svg.components(separatedBy: "class=\"event-end\"").count - 1 == 1)
    #expect(svg.contains(">start web</text>"))
    #expect(svg.contains("class=\"fault-band\"><title>analysis window</title>"))
    // Ten seconds after the event: 6 successes and 4 failures in that second.
    #expect(svg.contains("<title>02:16:10 UTC: successes/s 6.00/s, failures/s 4.00/s</title>"))
    #expect(svg.contains("<title>02:16:10 UTC: p95 120 ms</title>"))
    #expect(svg.contains("<title>02:15:10 UTC: successes/s 10.00/s, failures/s 0.00/s</title>"))
  }

  @Test func anEndBeyondTheChartIsLeftOutAndTooFewTicksDrawNothing() throws {
    let svg = try #require(
      RecoveryChart().svg(timeline: timeline, kind: .currentWindow, time: event, label: "x", endAfter: 500))
    #expect(!svg.contains("event-end"))
    #expect(!svg.contains("fault-band"))
    #expect(
      RecoveryChart().svg(timeline: Array(timeline.prefix(2)), kind: .currentWindow, time: event, label: "x")
        == nil)
  }
}
