import CapacityAnalysis
import CapacityModel

extension ReportBuilder {
  /// A fault's recovery figures, rounded once: seconds to 1 ms, milliseconds and req/s to 0.1.
  func chaosEntry(_ result: RecoveryResult, run: Run) -> ReportDocument.ChaosEntry {
    func round(_ value: Double?) -> Double? { value.map { NumberFormat.rounded($0, places: 1) } }
    func precise(_ value: Double?) -> Double? { value.map { NumberFormat.rounded($0, places: 3) } }
    var entry = ReportDocument.ChaosEntry(
      run: run.name, runId: run.id, time: UTCTimestamp.format(result.event.time), action: result.event.action,
      target: result.event.target, origin: result.event.origin.rawValue,
      resolutionS: result.resolutionSeconds,
      interruptionS: precise(result.interruptionSeconds) ?? 0,
      interruptionStartS: precise(result.interruptionStartSeconds),
      burstS: precise(result.burstSeconds) ?? 0, burstFailures: result.burstFailures,
      failedRequests: result.failedRequests,
      baselineP95Ms: round(result.baselineP95Ms), recoveryS: precise(result.recoverySeconds),
      baselineRps: round(result.baselineRequestsPerSecond), lowestRps: round(result.lowestRequestsPerSecond),
      throughputDipPct: round(result.throughputDip.map { $0 * 100 }), targetS: result.targetSeconds,
      judgedOn: result.judgedOn?.rawValue, pass: result.pass, notes: result.notes)
    entry.timeEpochS = precise(result.event.time.timeIntervalSince1970)
    entry.endAction = result.end?.action
    entry.endTime = result.end.map { UTCTimestamp.format($0.time) }
    entry.endS = precise(result.end.map { $0.time.timeIntervalSince(result.event.time) })
    entry.windowS = precise(result.windowSeconds)
    entry.windowEnd = result.windowEnd.rawValue
    entry.baselineS = precise(result.baselineSeconds)
    entry.normalGapS = precise(result.normalGapSeconds)
    entry.effect = result.effect.rawValue
    return entry
  }
}
