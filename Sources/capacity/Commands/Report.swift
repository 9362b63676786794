import ArgumentParser
import CapacityKit
import Foundation

extension Capacity {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: "Re-render the report of stored runs from the database alone.",
      discussion: """
        RUN is a stored run's id, id prefix (6+ characters) or name; see 'capacity runs'. The source files are not needed.
        """)

    @Argument(help: ArgumentHelp("Stored runs.", valueName: "run")) var runs: [String] = []

    @Flag(help: "Report every stored run.") var all = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var report: ReportOptions
    @OptionGroup var ci: SummaryOptions
    @OptionGroup var terminal: TerminalOptions

    func validate() throws {
      if runs.isEmpty == !all { throw ValidationError("name the runs to report, or pass '--all'") }
    }

    func run() throws {
      terminal.apply()
      defer { terminal.finish() }
      let renderer = try report.renderer()
      let runStore = try store.openForReading()
      let ids = all ? try runStore.listRuns().map(\.id) : try runs.map { try runStore.resolve($0) }
      let stored = try ids.map { try runStore.run(id: $0) }
      let analysed = try report.job(store: runStore).run(stored)
      terminal.phase(.rendering, report.output.output)
      let (document, rendered) = try report.output.render(analysed, with: renderer)
      let written = try report.output.write(rendered)
      try ci.append(JobSummary.report(document))
      ProgressBar.shared.clear()
      terminal.say(
        SummaryPrinter(console: .standardOutput).summary(document, files: written))
      Console.standardError.wrote(written)
    }
  }
}
