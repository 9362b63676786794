import ArgumentParser
import CapacityKit
import Foundation

extension Capacity {
  struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Ingest runs, analyse them, size the deployment and write the report.",
      discussion: """
        PATH may be a file, a directory (walked; unrecognised files are listed as skipped) or a quoted glob. Locust's *_stats.csv, *_stats_history.csv, *_failures.csv and *_exceptions.csv are recognised by their header and grouped into one run per prefix. Raw request logs (JMeter JTL CSV/XML, k6 CSV/JSON, vegeta CSV, Gatling simulation.log) are one run each, with exact percentiles.

        Example:
          capacity analyze runs/ --manifests k8s/ -o report/
        """)

    @Argument(
      help: ArgumentHelp("Result files, directories or globs.", valueName: "path"), completion: .file())
    var paths: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var ingest: IngestOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var ci: SummaryOptions
    @OptionGroup var terminal: TerminalOptions

    func run() throws {
      terminal.apply()
      defer { terminal.finish() }
      let renderer = try report.renderer()
      let runStore = try store.open()
      let job = try report.job(store: runStore)
      let outcome = try RunIngestor(store: runStore).ingest(
        paths, now: Date(), rawLogs: ingest.rawLogs)
      terminal.phase(.analysing, outcome.runs.count == 1 ? "1 run" : "\(outcome.runs.count) runs")
      let (document, analyses) = try job.run(
        outcome.runs, resources: outcome.resources, skippedFiles: outcome.skipped)
      terminal.phase(.rendering, report.output.output)
      let written = try report.output.write(try renderer.render(document, analyses: analyses))
      try ci.append(JobSummary.report(document, analyses: analyses))
      ProgressBar.shared.clear()
      Console.standardError.report(outcome)
      terminal.say(
        SummaryPrinter(console: .standardOutput).summary(document, files: written, analyses: analyses))
      Console.standardError.wrote(written)
    }
  }
}
