import ArgumentParser
import CapacityKit
import Foundation

extension Capacity {
  struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Ingest runs, analyse them, size the deployment and write the report.",
      discussion: """
        PATH may be a file, a directory (walked; unrecognised files are listed as skipped) or a
        quoted glob. Locust's *_stats.csv, *_stats_history.csv, *_failures.csv and
        *_exceptions.csv are recognised by their header and grouped into one run per prefix.
        Raw request logs (JMeter JTL CSV/XML, k6 CSV/JSON, vegeta CSV, Gatling simulation.log)
        are one run each, with exact percentiles.

        Example:
          capacity analyze runs/ --manifests k8s/ -o report/
        """)

    @Argument(help: ArgumentHelp("Result files, directories or globs.", valueName: "path"))
    var paths: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var plan: PlanOptions
    @OptionGroup var thresholds: ThresholdOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
      let renderer = try ReportRenderer(templatesDirectory: output.templates)
      let capacityPlan = try plan.plan()
      let outcome = try RunIngestor(store: try store.open()).ingest(
        paths, now: Date(), rawLogs: RawLogRunBuilder(progress: ProgressBar.forStandardError))
      let analyzer = RunAnalyzer(thresholds: thresholds.thresholds)
      let analyses = outcome.runs.map(analyzer.analyze)
      let document = ReportBuilder(thresholds: thresholds.thresholds).document(
        analyses: analyses, plan: capacityPlan, skippedFiles: outcome.skipped)
      let written = try output.write(try renderer.render(document, analyses: analyses))
      Console.standardError.report(outcome)
      print(SummaryPrinter(console: .standardOutput).summary(document, files: written), terminator: "")
    }
  }
}
