import Testing

@testable import CapacityModel
@testable import CapacityStatistics

/// `StepWindows.group`, answered from a lookup table, against the windows' own steady seconds.
@Suite struct StepWindowsTests {
  /// Three steps of 10, 20 and 30 users, 120 s each, from 1 700 000 000.
  static func steppedTimeline() -> [TimelinePoint] {
    (0..<360).map { second in
      let users = 10 * (second / 120 + 1)
      return TimelinePoint(
        timestamp: 1_700_000_000 + Int64(second), users: users, requestsPerSecond: Double(users),
        failuresPerSecond: 0, percentiles: [], totalRequests: Int64(users * second),
        totalFailures: 0)
    }
  }

  /// Every second from before the run to after it falls in the window whose steady part holds it,
  /// and the warm-up, the gaps and the seconds outside in none: through the lookup table, and
  /// through the search that runs past `maximumLookupSeconds` (forced with a limit of 0).
  @Test(arguments: [StepWindows.maximumLookupSeconds, 0])
  func everySecondFallsInTheWindowHoldingIt(_ lookupSeconds: Int) throws {
    let steps = StepWindows(timeline: Self.steppedTimeline(), lookupSeconds: lookupSeconds)
    #expect(steps.windows.count == 3)
    var inSomeWindow = 0
    for second in Int64(1_699_999_990)...1_700_000_400 {
      let holder = steps.windows.firstIndex { $0.steady.contains(second) } ?? steps.windows.count
      #expect(steps.group(UInt32(truncatingIfNeeded: second)) == holder, "second \(second)")
      if holder < steps.windows.count { inSomeWindow += 1 }
    }
    // The warm-up share of each step is left out, so not all 360 seconds are steady.
    #expect((200..<360).contains(inSomeWindow))
  }
}
