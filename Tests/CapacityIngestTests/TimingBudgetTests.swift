import CapacityModel
import Testing

@testable import CapacityIngest

/// The timed phases' own exact budget (`RequestAccumulator.timingBudget`).
@Suite struct TimingBudgetTests {
  /// 1000 requests with both phases under an exact budget of 1500: the latencies stay exact while
  /// the 2000 phase values pass the budget and go to HDR histograms (3 significant digits); the
  /// phases have a budget of their own and never push the latencies out of exactness.
  @Test func timedPhasesDoNotSpendTheLatenciesBudget() throws {
    var accumulator = RequestAccumulator(exactBudget: 1_500)
    let label = accumulator.label(named: "a")
    let start: Int64 = 1_800_000_000_000
    for index in 0..<1_000 {
      let startMs = start + Int64(index * 10)
      accumulator.record(label: label, startMs: startMs, latencyMs: Double(index), failed: false, users: 1)
      accumulator.recordTiming(.firstByte, startMs: startMs, milliseconds: Double(index))
      accumulator.recordTiming(.connect, startMs: startMs, milliseconds: 1)
    }
    #expect(!accumulator.usesHistograms && accumulator.stored == 1_000)
    let run = RawRunSummarizer().summarize([accumulator])
    #expect(run.method == .exactR7)
    let firstByte = try #require(run.timings.first { $0.phase == .firstByte })
    #expect(firstByte.method == .hdr3 && firstByte.requests == 1_000)
    // R-7 over 0…999 gives p50 499.5 and p95 949.05; HDR keeps 3 significant digits.
    #expect(abs((firstByte.p50Ms ?? 0) - 499.5) <= 1 && abs((firstByte.p95Ms ?? 0) - 949.05) <= 1)
  }
}
