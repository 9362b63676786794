import CapacityModel
import CapacityStatistics

/// One segment's values of the timed phases (`TimingPhase`: time to first byte, connect time),
/// kept as the latencies are: exactly, with their start seconds, until the accumulator's exact
/// budget is spent, then in an HDR histogram per phase. Recording a value allocates only when a
/// block fills.
package struct TimingValues {
  package struct Phase {
    package var values = ValueBlocks<Double>()
    /// The start second of each value (low 32 bits), for the per-window p95.
    package var seconds = ValueBlocks<UInt32>()
    package var histogram: HDRHistogram?
    package var count: Int64 = 0
  }

  package var phases = [Phase](repeating: Phase(), count: TimingPhase.allCases.count)

  /// Whether a value of any phase was recorded.
  package var isEmpty: Bool { phases.allSatisfy { $0.count == 0 } }

  /// Records one value; returns whether it was kept exactly (counts against the budget).
  @inline(__always)
  package mutating func record(_ phase: TimingPhase, second: Int64, milliseconds: Double, exact: Bool) -> Bool
  {
    let index = phase.rawValue
    phases[index].count += 1
    if !exact, phases[index].histogram == nil { phases[index].histogram = HDRHistogram() }
    if phases[index].histogram != nil {
      phases[index].histogram!.record(milliseconds: milliseconds)
      return false
    }
    phases[index].values.append(milliseconds)
    phases[index].seconds.append(UInt32(truncatingIfNeeded: second))
    return true
  }

  /// Moves the exact values into HDR histograms and records into them from now on.
  package mutating func switchToHistograms() {
    for index in phases.indices {
      var histogram = phases[index].histogram ?? HDRHistogram()
      histogram.record(phases[index].values)
      phases[index].values.release()
      phases[index].seconds.release()
      phases[index].histogram = histogram
    }
  }

  package mutating func release() {
    for index in phases.indices {
      phases[index].values.release()
      phases[index].seconds.release()
    }
  }
}
