import ArgumentParser
import CapacityKit

/// The measured view: which load to plan for and how measured entities map to components.
struct SizingOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Plan for this many concurrent users (default: the largest valid scenario).", valueName: "n"))
  var targetUsers: Int?

  @Option(help: ArgumentHelp("Plan for this many requests per second.", valueName: "rps"))
  var targetRps: Double?

  @Option(
    help: ArgumentHelp(
      "YAML mapping of pod/process names to components (web:, components:, measured_replicas:).",
      valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
  var components: String?

  @Option(help: ArgumentHelp("Target utilisation of a web replica, 0–1.", valueName: "share"))
  var utilisation = 0.7

  @Flag(help: "Add one web replica for failover.")
  var failover = false

  func validate() throws {
    if targetUsers != nil, targetRps != nil {
      throw ValidationError("give either '--target-users' or '--target-rps', not both")
    }
    if let targetUsers, targetUsers < 1 { throw ValidationError("'--target-users' must be at least 1") }
    if let targetRps, !(targetRps > 0) { throw ValidationError("'--target-rps' must be above 0") }
    guard utilisation > 0, utilisation <= 1 else {
      throw ValidationError("'--utilisation' must be in (0, 1]")
    }
  }

  func planning(_ thresholds: AnalysisThresholds, objectives: ServiceLevelObjectives) -> MeasuredPlanning {
    let target: TargetLoad =
      targetRps.map { .requestsPerSecond($0) } ?? targetUsers.map { .users($0) } ?? .largestScenario
    return MeasuredPlanning(
      thresholds: thresholds,
      recommender: ReplicaRecommender(
        thresholds: thresholds, target: target, utilisation: utilisation, failover: failover,
        estimate: SaturationThroughput(objectives: objectives)),
      mappingPath: components)
  }
}
