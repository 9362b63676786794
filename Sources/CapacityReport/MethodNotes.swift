import CapacityAnalysis
import CapacityModel
import CapacityPlanning
import CapacityStatistics

/// The report's method notes: each rule behind a printed number, with the values in force, taken
/// from the same settings the analysis used, so the text cannot drift from the code.
package struct MethodNotes {
  package var thresholds: AnalysisThresholds
  package var recovery = RecoverySettings()
  package var detector = IncidentDetector()

  package func notes(methods: [PercentileMethod], hasSteps: Bool, hasChaos: Bool) -> [String] {
    var notes = methods.map(\.note)
    notes.append(validity)
    if hasSteps { notes += [steps, ramps] }
    if hasChaos { notes.append(chaos) }
    notes += [verdictRule, causeRules]
    if hasSteps { notes.append(forecastRule) }
    return notes
  }

  /// How APDEX is counted, with T and where it came from.
  package var apdex: String {
    let target = NumberFormat.milliseconds(Apdex.threshold(thresholds))
    let source =
      thresholds.apdexThresholdMs == nil
      ? "the p95 objective \(NumberFormat.milliseconds(thresholds.sloP95Ms)) ÷ 4" : "--apdex-t"
    return "APDEX (raw request logs): T = \(target) (\(source), to the whole ms); satisfied are successful "
      + "requests of at most T, tolerating successful ones of at most 4T, frustrated the slower ones and "
      + "every failed request; score = (satisfied + tolerating ÷ 2) ÷ requests. Locust's CSVs hold no "
      + "per-request latencies, so its runs have none."
  }

  private func percent(_ share: Double) -> String { NumberFormat.percent(share, places: 0) }
  private func seconds(_ value: Double) -> String { NumberFormat.decimal(value, places: 0) + " s" }

  private var validity: String {
    "Run validity: INVALID when at least \(percent(thresholds.invalidFailureShare)) of requests failed "
      + "and at least \(percent(thresholds.connectionLevelShare)) of the failures are connection-level "
      + "(refused, reset, timeout, DNS, TLS, status 0), when at least \(percent(thresholds.nearlyAllFailing)) "
      + "failed whatever the cause, or with fewer than \(thresholds.minimumRequests) requests or "
      + "\(seconds(thresholds.minimumDurationSeconds)); DEGRADED when errors exceed the "
      + "\(NumberFormat.percent(thresholds.sloErrorRate)) objective, with any connection-level failure, "
      + "or with fewer than \(thresholds.shortRunRequests) requests or \(seconds(thresholds.shortRunSeconds)). "
      + "INVALID runs are shown but left out of the answer."
  }

  private var steps: String {
    "Load steps: stretches at one user count of at least \(thresholds.stepMinimumTicks) history ticks "
      + "(shorter ones are ramps); the first \(percent(thresholds.stepWarmupFraction)) of each is dropped, "
      + "and a step is steady with at least \(seconds(thresholds.stepMinimumSeconds)) and "
      + "\(thresholds.stepMinimumRequests) requests (--step-min-seconds, --step-min-requests)."
  }

  private var verdictRule: String {
    "Profile verdict: one per profile from every view that applies: the manifests' requests, measured "
      + "usage (resource samples: the deployment sized at \(NumberFormat.percent(0.7, places: 0)) target "
      + "utilisation must fit and carry the target) and, without samples, the load that the web replicas "
      + "fitting by requests carry within the SLO. NOT RECOMMENDED when any view does not fit (or carries "
      + "less than the target); MINIMUM when all fit and one leaves under 20 % headroom (requests or "
      + "measured use above 80 % of allocatable, or the target above 80 % of the load carried); RECOMMENDED "
      + "otherwise. The answer names the cheapest RECOMMENDED profile, else the cheapest MINIMUM, else none "
      + "(then the largest profile's load and the CPU the target would need)."
  }

  private var causeRules: String {
    "Why the SLO failed, per run missing an objective: infrastructure when at least "
      + "\(percent(thresholds.connectionLevelShare)) of the failures are connection-level (timeouts confined "
      + "to a few endpoints excepted); capacity when CPU (host, else the app's processes, during the failing "
      + "steps where known) averaged at least \(percent(thresholds.saturatedUtilisation)), or the misses grow "
      + "with load (the heaviest steps fail and the lighter pass, or lighter runs pass and heavier ones fail); "
      + "functional when the failing (or slow) endpoints are at most "
      + "\(NumberFormat.percent(thresholds.causeEndpointShare, places: 0)) of the endpoints, hold at least "
      + "\(percent(thresholds.causeFailureShare)) of the failures, the other endpoints meet the objectives "
      + "and CPU is below \(percent(thresholds.idleUtilisation)) or unmeasured; unknown otherwise, naming "
      + "the missing evidence. A functional run is sized from its healthy endpoints (their highest p95 as "
      + "an upper bound), never answered with a larger profile."
  }

  private var forecastRule: String {
    "USL forecast check: fitted on the lighter half of the steps, it must predict the heavier half within "
      + "\(percent(thresholds.forecastErrorLimit)) mean absolute error; otherwise the model is not trusted "
      + "beyond the measured range, N* and X_max stay out of the answer and sizing uses the measured steps only."
  }

  private var ramps: String {
    "Ramps: a history whose users take ≥ \(RampBandBuilder.minimumLevels) values up to the peak, each change "
      + "at most a tenth of the peak, no level but the peak held \(thresholds.stepMinimumTicks) ticks, and a "
      + "hold at the peak no longer than the climb, is one continuous ramp. It is cut into equal user-width "
      + "concurrency bands (15 down to 8 tried; a band under \(thresholds.stepMinimumRequests) requests "
      + "joins the next; the first cut with ≥ 8 bands is kept, else the one with the most). A band's users "
      + "are the time-weighted mean of its ticks, its throughput its requests over its seconds, its p95 "
      + "exact over its requests (raw logs, by start second) or the mean of the Locust ~10 s windows lying "
      + "inside it; the bands feed the same USL fit, knees, rules and capacity at the SLO as steps, with no "
      + "warm-up dropped."
  }

  private var chaos: String {
    "Recovery: each fault is measured in its own window, from the fault to the next fault, its "
      + "recovery plus \(seconds(recovery.settleSeconds)), or the run's end (at most "
      + "\(seconds(recovery.horizonSeconds))); the baseline is the \(seconds(recovery.baselineSeconds)) before "
      + "it, cut at the previous fault's window; end actions (unfreeze, restart, …) close their fault "
      + "and are not judged; raw logs are measured per request (ms), Locust at its 1 s history; "
      + "recovered means no failure and no gap beyond normal traffic for \(seconds(recovery.settleSeconds)), "
      + "and p95 within "
      + "\(percent(recovery.p95Tolerance)) of the baseline for \(seconds(recovery.holdSeconds)); the "
      + "throughput dip is over \(recovery.throughputTicks)-tick rolling windows; default targets are "
      + "\(seconds(recovery.databaseOrCacheTarget)) for database or cache failover (judged on recovery) and "
      + "\(seconds(recovery.podTarget)) for pod self-healing (judged on the interruption). Detected incidents "
      + "(without --events) are ticks where no request succeeded or at least \(percent(detector.failureShare)) "
      + "failed, or where p95 reached \(NumberFormat.decimal(detector.p95Factor, places: 0)) × the run's median "
      + "and came back down, merged when at most \(detector.mergeSeconds) s apart."
  }
}
