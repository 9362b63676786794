import ArgumentParser
import CapacityKit
import Foundation

extension Capacity {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Evaluate SLOs on runs for CI: a pass/fail table, JUnit, GitHub/GitLab outputs, exit status.",
      discussion: """
        Runs are result files (stored like 'capacity ingest' does) or stored runs named with --run (id, id prefix or name). Every objective of --slo FILE (or of --slo-p95 and --slo-errors) is checked on every run; a value the run does not give fails.

        Example:
          capacity check runs/peak --slo slo.yaml --junit slo-junit.xml
          capacity check runs/peak --slo slo.yaml --github            # in GitHub Actions
          capacity check runs/peak --slo slo.yaml --gitlab            # metrics.txt + junit.xml

        Exit status: 0 every objective met, 2 an objective failed, 1 error, 64 usage.
        """)

    @Argument(
      help: ArgumentHelp("Result files, directories or globs.", valueName: "path"), completion: .file())
    var paths: [String] = []

    @Option(
      name: .customLong("run"), help: ArgumentHelp("A stored run (id, id prefix or name).", valueName: "run"))
    var runs: [String] = []

    @OptionGroup var store: StoreOptions
    @OptionGroup var thresholds: ThresholdOptions
    @OptionGroup var outputs: CheckOutputOptions
    @OptionGroup var terminal: TerminalOptions

    func validate() throws {
      guard !paths.isEmpty || !runs.isEmpty else {
        throw ValidationError("give result paths or at least one --run")
      }
    }

    func run() throws {
      terminal.apply()
      defer { terminal.finish() }
      let objectives = try thresholds.objectives()
      let runStore = try paths.isEmpty ? store.openForReading() : store.open()
      var loaded: [Run] = []
      if !paths.isEmpty {
        let outcome = try RunIngestor(store: runStore).ingest(
          paths, now: Date(), rawLogs: RawLogRunBuilder(progress: ProgressBar.forStandardError))
        ProgressBar.shared.clear()
        Console.standardError.report(outcome)
        loaded += outcome.runs
      }
      for key in runs { loaded.append(try runStore.run(id: try runStore.resolve(key))) }
      let analyzer = RunAnalyzer(thresholds: objectives.applied(to: thresholds.thresholds))
      let analyses = loaded.map(analyzer.analyze)
      let outcome = CheckOutcome(
        results: SLOEvaluator(objectives: objectives).evaluate(analyses), analyses: analyses)
      try outputs.emit(outcome, quiet: terminal.quiet)
      if !outcome.passed { throw ExitCode(2) }
    }
  }
}
