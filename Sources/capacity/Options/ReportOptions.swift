import ArgumentParser
import CapacityKit

/// Everything that shapes a report: plan, objectives, fault events, output.
struct ReportOptions: ParsableArguments {
  @OptionGroup var plan: PlanOptions
  @OptionGroup var thresholds: ThresholdOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var sizing: SizingOptions

  @Option(
    help: ArgumentHelp(
      "Fault events (CSV or JSON Lines: time, action, target[, target_s]) to measure recovery around.",
      valueName: "file"), completion: .file(extensions: ["csv", "jsonl", "json", "ndjson"]))
  var events: String?

  @Flag(help: "Treat single-level runs (light, medium, peak, stress…) as load steps at their user counts.")
  var runsAsSteps = false

  func renderer() throws -> ReportRenderer { try ReportRenderer(templatesDirectory: output.templates) }

  func job(store: any RunHistory) throws -> ReportJob {
    let objectives = try thresholds.objectives()
    return ReportJob(
      store: store, thresholds: thresholds.thresholds, objectives: objectives,
      runsAsSteps: runsAsSteps, plan: try plan.plan(),
      events: try events.map { try ChaosEventParser().parse(file: $0) },
      measured: sizing.planning(objectives.applied(to: thresholds.thresholds), objectives: objectives))
  }
}
