import ArgumentParser
import CapacityKit

/// The service-level objective runs are judged against.
struct ThresholdOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Objective for p95 latency, milliseconds.", valueName: "ms"))
  var sloP95 = 500.0

  @Option(help: ArgumentHelp("Objective for failed requests, percent.", valueName: "percent"))
  var sloErrors = 1.0

  @Option(
    help: ArgumentHelp(
      "YAML file of objectives, e.g. 'objectives: [{metric: p95_ms, max: 500}, {endpoint: \"GET /\", "
        + "metric: p99_ms, max: 1500}, {metric: rps, min: 50, users: 100}]' (metrics p50_ms p90_ms p95_ms "
        + "p99_ms mean_ms max_ms error_rate rps). Its run-wide p95 and error rate replace --slo-p95 and "
        + "--slo-errors.", valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
  var slo: String?

  @Option(
    help: ArgumentHelp(
      "APDEX target time T, whole milliseconds (default: the p95 objective ÷ 4); raw request logs only.",
      valueName: "ms"))
  var apdexT: Double?

  @Option(help: ArgumentHelp("A load step counts as steady with at least this many seconds.", valueName: "s"))
  var stepMinSeconds = 30.0

  @Option(
    help: ArgumentHelp("A load step counts as steady with at least this many requests.", valueName: "n"))
  var stepMinRequests = 200

  func validate() throws {
    guard stepMinSeconds >= 0 else { throw ValidationError("'--step-min-seconds' must be 0 or more") }
    guard stepMinRequests >= 0 else { throw ValidationError("'--step-min-requests' must be 0 or more") }
    guard sloP95 > 0 else { throw ValidationError("'--slo-p95' must be above 0 ms") }
    if let apdexT, !(apdexT >= 1 && apdexT <= 3_600_000) {
      throw ValidationError("'--apdex-t' must be between 1 and 3600000 ms")
    }
    guard (0...100).contains(sloErrors) else {
      throw ValidationError("'--slo-errors' must be a percentage between 0 and 100")
    }
  }

  var thresholds: AnalysisThresholds {
    var thresholds = AnalysisThresholds()
    thresholds.sloP95Ms = sloP95
    thresholds.sloErrorRate = sloErrors / 100
    thresholds.apdexThresholdMs = apdexT
    thresholds.stepMinimumSeconds = stepMinSeconds
    thresholds.stepMinimumRequests = Int64(stepMinRequests)
    return thresholds
  }

  /// The objectives in force: the `--slo` file (with the flags' p95 and error rate as defaults for
  /// the metrics it leaves out), else the flags.
  func objectives() throws -> ServiceLevelObjectives {
    guard let slo else { return ServiceLevelObjectives(thresholds: thresholds) }
    return try SLOLoader().load(path: slo, thresholds: thresholds)
  }
}
