import Testing

@testable import CapacityReport

/// Tick generation and axis scaling on edge ranges. Expected ticks are worked by hand: the
/// smallest step of 1, 2, 2.5 or 5 × 10ⁿ whose multiples from ⌊low/step⌋ to ⌈high/step⌉ number
/// at most 8.
@Suite struct NiceScaleTests {
  @Test func anOrdinaryRangeGetsRoundTicksFromZero() {
    let scale = NiceScale([0, 7.3])
    #expect(scale.ticks == [0, 2, 4, 6, 8])
    #expect(scale.lower == 0 && scale.upper == 8)
  }

  @Test func zeroWidthAtZeroIsZeroToOne() {
    #expect(NiceScale([0, 0]).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    #expect(NiceScale([]).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
  }

  @Test func onePointStartsAtZeroOrGetsTenPercentAroundIt() {
    #expect(NiceScale([5]).ticks == [0, 1, 2, 3, 4, 5])
    #expect(NiceScale([5], includeZero: false).ticks == [4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6])
  }

  @Test func negativeValuesAreCovered() {
    #expect(NiceScale([-3, 12]).ticks == [-5, -2.5, 0, 2.5, 5, 7.5, 10, 12.5])
    #expect(NiceScale([-40, -10]).ticks == [-40, -30, -20, -10, 0])
  }

  @Test func hugeValuesKeepExactTicksAndShortLabels() {
    let scale = NiceScale([0, 1e15])
    #expect(scale.ticks == [0, 2e14, 4e14, 6e14, 8e14, 1e15])
    #expect(scale.ticks.map(scale.label) == ["0", "200T", "400T", "600T", "800T", "1000T"])
    let thousands = NiceScale([0, 12_000])
    #expect(thousands.ticks == [0, 2000, 4000, 6000, 8000, 10000, 12000])
    #expect(thousands.ticks.map(thousands.label) == ["0", "2k", "4k", "6k", "8k", "10k", "12k"])
  }

  @Test func nonFiniteValuesAreLeftOut() {
    #expect(NiceScale([.nan, .infinity, 3, -.infinity]).ticks == [0, 0.5, 1, 1.5, 2, 2.5, 3])
    #expect(NiceScale([.nan, .infinity]).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1.0])
  }

  @Test func labelsShowTheStepsDecimals() {
    let scale = NiceScale([-3, 12])
    #expect(scale.ticks.map(scale.label) == ["-5.0", "-2.5", "0", "2.5", "5.0", "7.5", "10.0", "12.5"])
    let small = NiceScale([0, 0.07])
    #expect(small.ticks == [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07])
    #expect(small.label(0.03) == "0.03")
  }

  @Test func everyRangeGetsFiveToEightTicksCoveringIt() {
    for high in [1.0, 3.7, 9.99, 14.5, 37, 99, 101, 640, 2300, 3231, 1e6 + 1, 7.77e9] {
      let scale = NiceScale([0, high])
      #expect(NiceScale.tickCounts.contains(scale.ticks.count), "\(high): \(scale.ticks)")
      #expect(scale.lower <= 0 && scale.upper >= high)
    }
  }

  @Test func fractionsAreClamped() {
    let scale = NiceScale([0, 8])
    #expect(scale.fraction(4) == 0.5)
    #expect(scale.fraction(-1) == 0 && scale.fraction(100) == 1)
  }
}

/// Wall-clock ticks: 2026-11-29T02:15:24Z is Unix second 1 795 918 524 (`date -u -d @1795918524`).
@Suite struct TimeScaleTests {
  let start = 1_795_918_524.0

  @Test func aMinuteGetsTicksEveryTenSecondsWithSeconds() {
    let scale = TimeScale([start, start + 60])
    #expect(scale.ticks == stride(from: 1_795_918_530.0, through: 1_795_918_580, by: 10).map { $0 })
    #expect(
      scale.ticks.map(scale.label) == [
        "02:15:30", "02:15:40", "02:15:50", "02:16:00", "02:16:10", "02:16:20",
      ])
  }

  @Test func theSteppedRunGetsEightTicksTwentySecondsApart() {
    let scale = TimeScale([start, start + 162])
    #expect(scale.step == 20)
    #expect(scale.ticks.first == 1_795_918_540 && scale.ticks.last == 1_795_918_680 && scale.ticks.count == 8)
    #expect(scale.label(1_795_918_680) == "02:18:00")
  }

  @Test func anHourIsLabelledInMinutes() {
    let scale = TimeScale([start, start + 3600])
    #expect(scale.step == 600)
    #expect(scale.ticks.map(scale.label) == ["02:20", "02:30", "02:40", "02:50", "03:00", "03:10"])
  }

  @Test func onePointGetsAMinuteAroundIt() {
    let scale = TimeScale([start, start, .nan])
    #expect(scale.start == start - 30 && scale.end == start + 30)
    #expect(
      scale.ticks.map(scale.label) == [
        "02:15:00", "02:15:10", "02:15:20", "02:15:30", "02:15:40", "02:15:50",
      ])
  }

  @Test func decadesGetAtMostEightTicksLabelledByDate() {
    let scale = TimeScale([0, 1e9])
    #expect(scale.ticks.count <= 8 && scale.ticks.count >= 4)
    #expect(scale.label(0) == "01-01")
    #expect(TimeScale([0, 1e300]).ticks.count <= 8)
  }

  @Test func everyRunLengthGetsFourToEightTicks() {
    for span in [5.0, 12, 45, 90, 130, 250, 700, 1000, 2500, 5000, 20000, 90000, 400_000] {
      let count = TimeScale([start, start + span]).ticks.count
      #expect((4...8).contains(count), "\(span) s: \(count) ticks")
    }
  }
}
