import CapacityModel
import Foundation

extension RecoveryAnalyzer {
  /// The measured window applied to one fault of its group: its events, target and verdict.
  package func judged(_ measured: RecoveryResult, fault: Fault, group: [Fault]) -> RecoveryResult {
    var result = measured
    result.event = fault.start
    result.end = fault.end
    let time = fault.start.time.timeIntervalSince1970
    if let end = fault.end {
      result.notes.append(
        "Ended by \(end.action) \(end.target) at +\(seconds(end.time.timeIntervalSince1970 - time)) "
          + "(shown with the fault, not judged).")
    }
    let others = group.filter { $0 != fault }.map { "\($0.start.action) \($0.start.target)" }
    if !others.isEmpty {
      result.notes.append(
        "Faulted at once with \(others.joined(separator: ", ")): one window for all of them, so these "
          + "figures are theirs together, not this fault's alone.")
    }
    guard let (target, judgedOn) = settings.target(for: fault.start) else { return result }
    result.targetSeconds = target
    result.judgedOn = judgedOn
    switch judgedOn {
    case .interruption:
      result.pass = result.interruptionSeconds <= target
    case .recovery:
      // Not recovered inside the window: a failure if the window outlasted the target, else unknown.
      result.pass =
        result.recoverySeconds.map { $0 <= target } ?? (result.windowSeconds >= target ? false : nil)
    }
    return result
  }

  package func windowNotes(_ result: RecoveryResult, baselineCut: Bool, _ data: RunData) -> [String] {
    var notes: [String] = []
    var method = "Measured " + data.signal.method
    if data.signal.resolution < 1 {
      method +=
        "; gaps between successful responses up to \(seconds(result.normalGapSeconds)) (twice the "
        + "99th percentile of the baseline's, at least \(seconds(settings.minimumNormalGapSeconds))) are normal traffic"
    }
    notes.append(method + ".")
    let ended: String
    switch result.windowEnd {
    case .settled: ended = "recovery plus the \(seconds(settings.settleSeconds)) settle time"
    case .nextFault: ended = "the next fault"
    case .runEnd: ended = "the run's end"
    case .horizon: ended = "the \(seconds(settings.horizonSeconds)) horizon"
    }
    notes.append(
      "Window: the fault to +\(seconds(result.windowSeconds)) (\(ended)); failures after it are not "
        + "counted for this fault.")
    if result.baselineSeconds < settings.shortBaselineSeconds {
      notes.append(
        "Baseline only \(seconds(result.baselineSeconds)), cut at "
          + (baselineCut ? "the previous fault's window" : "the run's start")
          + ": the pre-fault figures rest on little data.")
    }
    switch result.effect {
    case .none:
      notes.append(
        "No visible effect: no failure and no gap beyond normal traffic for \(seconds(settings.settleSeconds)) "
          + "after the fault.")
    case .notRecoveredBeforeNextFault, .notRecoveredBeforeRunEnd, .notRecoveredInHorizon:
      notes.append(
        "\(result.effect.rawValue.prefix(1).uppercased() + result.effect.rawValue.dropFirst()): effects "
          + "were still present at +\(seconds(result.windowSeconds)); no recovery time is given.")
    case .recovered:
      break
    }
    notes.append(latencyNote(hasP95: result.baselineP95Ms != nil, data))
    return notes
  }

  private func latencyNote(hasP95: Bool, _ data: RunData) -> String {
    guard let history = data.history, hasP95 else {
      return "No p95 per window (a Locust history without --csv-full-history, a raw log whose p95 is "
        + "kept per load step, or no baseline): recovery means responses succeed without failures, "
        + "latency is not checked."
    }
    let window =
      history == .perSecond
      ? "p95 is per window of the raw log (10 s, longer for runs over 10 000 s; log-scale buckets, "
        + "≤ 1.6 % off), so latency recovery is known to the window"
      : "p95 is Locust's ~10 s rolling window, so latency recovery includes up to 10 s of window lag"
    return window + "; recovered means responses succeed without failures and p95 stays within "
      + "\(NumberFormat.percent(settings.p95Tolerance, places: 0)) of the baseline mean for "
      + "\(seconds(settings.holdSeconds))."
  }

  private func seconds(_ value: Double) -> String {
    NumberFormat.decimal(value, places: value.rounded() == value ? 0 : 1) + " s"
  }
}
