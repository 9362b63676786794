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
  private var groupOfOffset: [Int32] = []
  private let base: Int64

  /// The timeline must hold one point per second (as `SecondTable.timeline()` gives).
  package init(timeline: [TimelinePoint], thresholds: AnalysisThresholds = AnalysisThresholds()) {
    base = timeline.first?.timestamp ?? 0
    groupOfOffset = [Int32](repeating: -1, count: timeline.count)
    if let cuts = RampBandBuilder(thresholds: thresholds).cuts(timeline) {
      // A ramp's band is measured whole: no warm-up share is dropped.
      for cut in cuts {
        for tick in cut { groupOfOffset[tick] = Int32(windows.count) }
        windows.append(
          Window(steady: (base + Int64(cut.lowerBound))...(base + Int64(cut.upperBound)), stretch: cut))
      }
      return
    }
    for step in LoadStepDetector(thresholds: thresholds).steps(in: timeline) {
      let stepStart = base + Int64(step.startSeconds)
      let last = base + Int64(step.endSeconds)
      let firstTick = stepStart == base && timeline.first?.users == step.users ? stepStart : stepStart + 1
      let warmupEnd = Double(stepStart) + Double(last - stepStart) * thresholds.stepWarmupFraction
      let steadyStart = max(firstTick, Int64(warmupEnd.rounded(.up)))
      guard steadyStart <= last, firstTick <= last else { continue }
      for second in steadyStart...last { groupOfOffset[Int(second - base)] = Int32(windows.count) }
      windows.append(
        Window(steady: steadyStart...last, stretch: Int(firstTick - base)...Int(last - base)))
    }
  }

  /// The step (window index) a value's second falls in, or `windows.count` for none. `second`
  /// holds the low 32 bits of the Unix second.
  @inline(__always)
  package func group(_ second: UInt32) -> Int {
    let offset = Int(second &- UInt32(truncatingIfNeeded: base))
    guard offset < groupOfOffset.count, groupOfOffset[offset] >= 0 else { return windows.count }
    return Int(groupOfOffset[offset])
  }
}
