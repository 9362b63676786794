import Foundation
import Testing

@testable import CapacityPrometheus

/// Step choice: the scrape interval while it fits, else the smallest step that keeps a series
/// within Prometheus's 11 000 points; the window is the run ± the margin, never past now.
@Suite struct QueryWindowTests {
  private let now = Date(timeIntervalSince1970: 2_000_000_000)

  /// A 30 s run scraped every second: 30 + 2 × 60 s at 1 s steps, rate over max(1 + 1, 4 × 1) = 4 s.
  @Test func aShortRunIsFetchedAtTheScrapeInterval() throws {
    let window = try QueryWindow.covering(1_700_000_000...1_700_000_030, scrapeInterval: 1, now: now)
    #expect(window.start == 1_699_999_940)
    #expect(window.end == 1_700_000_090)
    #expect(window.stepSeconds == 1)
    #expect(window.rateSeconds == 4)
    #expect(window.points == 151)
  }

  /// At 15 s, a one-hour run gives (3600 + 120) / 15 + 1 = 249 points; the rate window is 60 s.
  @Test func theDefaultScrapeIntervalGivesAMinuteRateWindow() throws {
    let window = try QueryWindow.covering(1_700_000_000...1_700_003_600, scrapeInterval: 15, now: now)
    #expect(window.stepSeconds == 15)
    #expect(window.rateSeconds == 60)
    #expect(window.start % 15 == 0)
    #expect(window.start <= 1_699_999_940)
    #expect(window.end == 1_700_003_660)
  }

  /// A week at 15 s would be 40 328 points: the step grows to the smallest whole number of seconds
  /// that fits (604 920 s / 10 999 intervals → 55 s), and one second less would not fit.
  @Test func aLongRunGetsTheSmallestStepWithinElevenThousandPoints() throws {
    let week = 7.0 * 86_400
    let window = try QueryWindow.covering(
      1_700_000_000...(1_700_000_000 + week), scrapeInterval: 15, now: now)
    #expect(window.stepSeconds == 55)
    #expect(window.points <= 11_000)
    #expect((window.end - window.start) / (window.stepSeconds - 1) + 1 > 11_000)
    #expect(window.end == 1_700_000_000 + Int64(week) + 60)
    #expect(window.rateSeconds == 70)
  }

  @Test func aRequestedStepIsKeptUnlessItPassesTheLimit() throws {
    let hour = try QueryWindow.covering(
      1_700_000_000...1_700_003_600, scrapeInterval: 15, requestedStep: 5, now: now)
    #expect(hour.stepSeconds == 5)
    #expect(throws: PrometheusError.stepTooFine(step: 1, seconds: 86_520, minimum: 8)) {
      try QueryWindow.covering(1_700_000_000...1_700_086_400, scrapeInterval: 15, requestedStep: 1, now: now)
    }
  }

  /// A run that just ended: the margin after it is cut at now, as Prometheus would fill the future
  /// with the last gauge value.
  @Test func theWindowEndsAtNow() throws {
    let justNow = Date(timeIntervalSince1970: 1_700_000_040)
    let window = try QueryWindow.covering(1_700_000_000...1_700_000_030, scrapeInterval: 1, now: justNow)
    #expect(window.end == 1_700_000_040)
    #expect(throws: PrometheusError.self) {
      try QueryWindow.covering(2_100_000_000...2_100_000_030, scrapeInterval: 1, now: justNow)
    }
  }
}
