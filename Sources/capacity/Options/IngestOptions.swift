import ArgumentParser
import CapacityKit

/// How raw request logs are read.
struct IngestOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Latencies kept exactly per run (12 bytes each) before percentiles fall back to HDR histograms "
        + "with 3 significant digits.", valueName: "n"))
  var exactBudget = RawLogRunBuilder.defaultExactBudget

  func validate() throws {
    guard exactBudget >= 0 else { throw ValidationError("'--exact-budget' must be 0 or more") }
  }

  /// The raw-log reader, with a progress bar on a terminal.
  var rawLogs: RawLogRunBuilder {
    RawLogRunBuilder(exactBudget: exactBudget, progress: ProgressBar.forStandardError)
  }
}
