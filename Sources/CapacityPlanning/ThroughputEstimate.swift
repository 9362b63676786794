import CapacityAnalysis
import CapacityModel

/// The throughput one web replica carries within the SLO, and where that figure comes from.
public struct MeasuredThroughput: Sendable, Equatable {
  /// Requests per second for the whole measured deployment (divide by measured replicas for one).
  public var requestsPerSecond: Double
  /// Users at that point, when the run says.
  public var users: Int?
  public var runName: String
  /// `the 60-user step of stepped`, `the whole run light`.
  public var basis: String
  /// The run (or step) window, seconds from the run's start, for looking up resource use there.
  public var window: ClosedRange<Double>?
}

/// The seam the saturation analysis (USL / knee, issue 5) fills: the per-replica throughput at the
/// saturation point. Until then `BestStepWithinSLO` stands in.
public protocol ThroughputEstimate: Sendable {
  func throughput(_ analyses: [RunAnalysis], thresholds: AnalysisThresholds) -> MeasuredThroughput?
}

/// The highest throughput measured within the SLO: the best load step (a step's p95 is the tool's
/// windowed p95; steps shorter than a steady step are said so) or whole run. INVALID runs never count.
public struct BestStepWithinSLO: ThroughputEstimate {
  public init() {}

  public func throughput(_ analyses: [RunAnalysis], thresholds: AnalysisThresholds) -> MeasuredThroughput? {
    var steady: [MeasuredThroughput] = []
    var unsteady: [MeasuredThroughput] = []
    var runs: [MeasuredThroughput] = []
    for analysis in analyses where analysis.validity.verdict != .invalid {
      for step in analysis.steps {
        guard let p95 = step.p95Ms, p95 <= thresholds.sloP95Ms, step.errorRate <= thresholds.sloErrorRate,
          step.requestsPerSecond > 0
        else { continue }
        let item = MeasuredThroughput(
          requestsPerSecond: step.requestsPerSecond, users: step.users, runName: analysis.run.name,
          basis: "the \(step.users)-user step of \(analysis.run.name)"
            + (step.isSteady ? "" : " (shorter than a steady step)"),
          window: step.startSeconds...step.endSeconds)
        if step.isSteady { steady.append(item) } else { unsteady.append(item) }
      }
      if analysis.meetsSLO(thresholds), analysis.requestsPerSecond > 0 {
        runs.append(
          MeasuredThroughput(
            requestsPerSecond: analysis.requestsPerSecond, users: analysis.usersMax,
            runName: analysis.run.name,
            basis: "the whole run \(analysis.run.name)", window: nil))
      }
    }
    let best = { (items: [MeasuredThroughput]) in
      items.max { ($0.requestsPerSecond, $1.runName) < ($1.requestsPerSecond, $0.runName) }
    }
    // Short steps count too: a long light step would understate what one replica carries.
    let candidates = steady + unsteady + runs
    return best(candidates)
  }
}
