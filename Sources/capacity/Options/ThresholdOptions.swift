import ArgumentParser
import CapacityKit

/// The service-level objective runs are judged against.
struct ThresholdOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Objective for p95 latency, milliseconds.", valueName: "ms"))
  var sloP95 = 500.0

  @Option(help: ArgumentHelp("Objective for failed requests, percent.", valueName: "percent"))
  var sloErrors = 1.0

  func validate() throws {
    guard sloP95 > 0 else { throw ValidationError("'--slo-p95' must be above 0 ms") }
    guard (0...100).contains(sloErrors) else {
      throw ValidationError("'--slo-errors' must be a percentage between 0 and 100")
    }
  }

  var thresholds: AnalysisThresholds {
    var thresholds = AnalysisThresholds()
    thresholds.sloP95Ms = sloP95
    thresholds.sloErrorRate = sloErrors / 100
    return thresholds
  }
}
