import CapacityModel
import CapacityStatistics

/// One segment's values of the timed phases (`TimingPhase`: time to first byte, connect time),
/// kept as the latencies are: exactly, with their start seconds, until the accumulator's exact
/// budget is spent, then in an HDR histogram per phase. Recording a value allocates only when a
/// block fills.
package struct TimingValues {
  package struct Phase: ExactValuesOrHistogram {
    package var values = ValueBlocks<Double>()
    /// The start second of each value (low 32 bits), for the per-window p95.
    package var seconds = ValueBlocks<UInt32>()
    package var histogram: HDRHistogram?
    package var count: Int64 = 0

    @inline(__always)
    mutating func record(second: Int64, milliseconds: Double, exact: Bool) -> Bool {
      count += 1
      if !exact, histogram == nil { histogram = HDRHistogram() }
      if histogram != nil {
        histogram!.record(milliseconds: milliseconds)
        return false
      }
      values.append(milliseconds)
      seconds.append(UInt32(truncatingIfNeeded: second))
      return true
    }
  }

  // One stored property a phase, not an array of them: recording a value then checks no array
  // for uniqueness (two checks a value were 1 % of a large JTL's parse).
  private var firstByte = Phase()
  private var connect = Phase()

  /// The values of `phase`, read or changed in place.
  package subscript(phase: TimingPhase) -> Phase {
    _read {
      switch phase {
      case .firstByte: yield firstByte
      case .connect: yield connect
      }
    }
    _modify {
      switch phase {
      case .firstByte: yield &firstByte
      case .connect: yield &connect
      }
    }
  }

  /// Whether a value of any phase was recorded.
  package var isEmpty: Bool { TimingPhase.allCases.allSatisfy { self[$0].count == 0 } }

  /// Records one value; returns whether it was kept exactly (counts against the budget).
  @inline(__always)
  package mutating func record(_ phase: TimingPhase, second: Int64, milliseconds: Double, exact: Bool) -> Bool
  {
    self[phase].record(second: second, milliseconds: milliseconds, exact: exact)
  }

  /// Moves the exact values into HDR histograms and records into them from now on.
  package mutating func switchToHistograms() {
    for phase in TimingPhase.allCases { self[phase].moveValuesToHistogram() }
  }

  package mutating func release() {
    for phase in TimingPhase.allCases {
      self[phase].values.release()
      self[phase].seconds.release()
    }
  }
}
