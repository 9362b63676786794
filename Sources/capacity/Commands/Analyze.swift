import ArgumentParser
import CapacityKit
import Foundation

extension Capacity {
  struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "analyze",
      abstract: "Ingest runs, analyse them, size the deployment and write the report.",
      discussion: """
        PATH may be a file, a directory (walked; unrecognised files are listed as skipped) or a quoted glob. Locust's *_stats.csv, *_stats_history.csv, *_failures.csv and *_exceptions.csv are recognised by their header and grouped into one run per prefix. Raw request logs (JMeter JTL CSV/XML, k6 CSV/JSON, vegeta CSV, Gatling simulation.log; gzipped or not) are one run per session (split at --session-gap without samples), or one run over all of them with --merge, with exact percentiles.

        Exit status 1 (naming the files) when no input yielded a countable request and no --manifests were given.

        Example:
          capacity analyze runs/ --manifests k8s/ -o report/
          capacity analyze runs/ --manifests k8s/ --prometheus http://127.0.0.1:9090
        """)

    @Argument(
      help: ArgumentHelp("Result files, directories or globs.", valueName: "path"), completion: .file())
    var paths: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var ingest: IngestOptions
    @OptionGroup var prometheus: PrometheusOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var ci: SummaryOptions
    @OptionGroup var terminal: TerminalOptions

    func run() throws {
      terminal.apply()
      defer { terminal.finish() }
      let renderer = try report.renderer()
      let runStore = try store.open()
      let job = try report.job(store: runStore)
      // The analysis and the report are made while the new runs are written to the store; the
      // files are written only once the runs are stored.
      let (outcome, (document, rendered)) = try RunIngestor(store: runStore).ingest(
        paths, now: Date(), rawLogs: ingest.rawLogs, prometheus: try prometheus.fetcher()
      ) { outcome in
        terminal.phase(.analysing, outcome.runs.count == 1 ? "1 run" : "\(outcome.runs.count) runs")
        let document = try job.run(
          outcome.runs, resources: outcome.resources, skippedFiles: outcome.skipped,
          storing: outcome.addedRuns)
        terminal.phase(.rendering, report.output.output)
        return try report.output.render(document, with: renderer)
      }
      terminal.phase(.rendering, report.output.output)
      let written = try report.output.write(rendered)
      try ci.append(JobSummary.report(document))
      ProgressBar.shared.clear()
      Console.standardError.report(outcome)
      Console.standardError.warn(outcome.fetchWarnings)
      terminal.say(
        SummaryPrinter(console: .standardOutput).summary(document, files: written))
      Console.standardError.wrote(written)
      if report.plan.manifests.isEmpty, let message = Self.nothingCountable(outcome, paths: paths) {
        Console.standardError.write("error: \(message)\n")
        throw ExitCode.failure
      }
    }

    /// Why the analysis answers nothing: no input yielded a countable request (and there is no
    /// deployment to plan), naming the files; `nil` when some run has requests.
    static func nothingCountable(_ outcome: RunIngestor.Outcome, paths: [String]) -> String? {
      guard !outcome.runs.contains(where: { ($0.total?.requests ?? 0) > 0 }) else { return nil }
      let files = outcome.runs.flatMap { $0.sourceFiles.map(\.path) } + outcome.resources.map(\.source.path)
      let named = (files.isEmpty ? paths : files).joined(separator: ", ")
      return "no countable request in \(named) and no --manifests to plan: nothing to size "
        + "(see the warnings above and the report's validity reasons)"
    }
  }
}
