import CapacityModel

/// The load steps (or a ramp's bands) of a per-second timeline, as `LoadStepDetector` finds them
/// with the default thresholds, and for each the seconds of its steady part (where the step's p95
/// is measured) and the ticks of the whole stretch (which carry that p95, so the detector's mean
/// over the steady ticks is exactly it).
package struct StepWindows {
  package struct Window {
    /// Unix seconds of the steady part, inclusive.
    package var steady: ClosedRange<Int64>
    /// Timeline indices of the step's ticks.
    package var stretch: ClosedRange<Int>
  }

  package private(set) var windows: [Window] = []
  /// Each window's steady seconds as offsets from `base`, in time order (windows never overlap).
  private var steadyOffsets: [ClosedRange<Int>] = []
  /// The window of every offset up to the last steady second (`windows.count` for none), so that
  /// `group`, asked twice for every request, is a load instead of a search; empty past
  /// `maximumLookupSeconds` or `UInt16`'s windows.
  private var groupByOffset: [UInt16] = []
  private let base: Int64
  /// 2 MB of lookup at most: twelve days of steady seconds.
  package static let maximumLookupSeconds = 1 << 20

  /// The timeline holds one point per second, except that long quiet stretches may be given by
  /// their first and last second (as `SecondTable.timeline()` gives).
  /// - Parameter lookupSeconds: the longest span of steady seconds given a lookup table; past it
  ///   `group` searches (tests pass 0 to check the search against the table).
  package init(
    timeline: [TimelinePoint], thresholds: AnalysisThresholds = AnalysisThresholds(),
    lookupSeconds: Int = maximumLookupSeconds
  ) {
    base = timeline.first?.timestamp ?? 0
    if let cuts = RampBandBuilder(thresholds: thresholds).cuts(timeline) {
      // A ramp's band is measured whole: no warm-up share is dropped.
      for cut in cuts {
        append(
          Window(
            steady: timeline[cut.lowerBound].timestamp...timeline[cut.upperBound].timestamp, stretch: cut))
      }
      fillLookup(upTo: lookupSeconds)
      return
    }
    for step in LoadStepDetector(thresholds: thresholds).steps(in: timeline) {
      let stepStart = base + Int64(step.startSeconds)
      let last = base + Int64(step.endSeconds)
      let firstTick = stepStart == base && timeline.first?.users == step.users ? stepStart : stepStart + 1
      let warmupEnd = Double(stepStart) + Double(last - stepStart) * thresholds.stepWarmupFraction
      let steadyStart = max(firstTick, Int64(warmupEnd.rounded(.up)))
      guard steadyStart <= last, firstTick <= last else { continue }
      let firstIndex = Self.index(in: timeline, atOrAfter: firstTick)
      let lastIndex = Self.index(in: timeline, atOrAfter: last + 1) - 1
      guard firstIndex <= lastIndex else { continue }
      append(Window(steady: steadyStart...last, stretch: firstIndex...lastIndex))
    }
    fillLookup(upTo: lookupSeconds)
  }

  private mutating func fillLookup(upTo lookupSeconds: Int) {
    guard let last = steadyOffsets.last?.upperBound, last >= 0, last < lookupSeconds,
      windows.count < Int(UInt16.max)
    else { return }
    groupByOffset = Array(repeating: UInt16(windows.count), count: last + 1)
    for (window, offsets) in steadyOffsets.enumerated() where offsets.lowerBound >= 0 {
      for offset in offsets { groupByOffset[offset] = UInt16(window) }
    }
  }

  private mutating func append(_ window: Window) {
    steadyOffsets.append(Int(window.steady.lowerBound - base)...Int(window.steady.upperBound - base))
    windows.append(window)
  }

  /// The index of the first point at or after `second` (`timeline.count` for none).
  private static func index(in timeline: [TimelinePoint], atOrAfter second: Int64) -> Int {
    var low = 0
    var high = timeline.count
    while low < high {
      let middle = (low + high) / 2
      if timeline[middle].timestamp < second { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The step (window index) a value's second falls in, or `windows.count` for none. `second`
  /// holds the low 32 bits of the Unix second.
  @inline(__always)
  package func group(_ second: UInt32) -> Int {
    let offset = Int(second &- UInt32(truncatingIfNeeded: base))
    if !groupByOffset.isEmpty {
      return offset < groupByOffset.count ? Int(groupByOffset[offset]) : windows.count
    }
    var low = 0
    var high = steadyOffsets.count
    while low < high {
      let middle = (low + high) / 2
      if steadyOffsets[middle].upperBound < offset { low = middle + 1 } else { high = middle }
    }
    return low < steadyOffsets.count && steadyOffsets[low].contains(offset) ? low : windows.count
  }
}
