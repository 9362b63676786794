import ArgumentParser
import CapacityKit
import Foundation

extension Capacity {
  struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "ingest",
      abstract: "Store runs in the database without analysing them.",
      discussion: "Re-ingesting the same files is a no-op: runs are keyed by the SHA-256 of their files.")

    @Argument(
      help: ArgumentHelp("Result files, directories or globs.", valueName: "path"), completion: .file())
    var paths: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var ingest: IngestOptions
    @OptionGroup var prometheus: PrometheusOptions
    @OptionGroup var terminal: TerminalOptions

    func run() throws {
      terminal.apply()
      defer { terminal.finish() }
      let outcome = try RunIngestor(store: try store.open()).ingest(
        paths, now: Date(), rawLogs: ingest.rawLogs, prometheus: try prometheus.fetcher())
      ProgressBar.shared.clear()
      Console.standardError.report(outcome)
      Console.standardError.warn(outcome.fetchWarnings)
      terminal.say(
        "stored \(outcome.added.count) new run(s); \(outcome.alreadyStored.count) already stored\n")
    }
  }
}
