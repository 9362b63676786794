import ArgumentParser
import CapacityKit
import Foundation

extension Capacity {
  struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "runs", abstract: "List the runs in the database.")

    @OptionGroup var store: StoreOptions

    @Option(help: "Only runs whose name contains this text.") var scenario: String?
    @Option(
      help: "Only runs of this tool (locust, jmeter, k6, vegeta, gatling).",
      completion: .list(LoadTool.allCases.map(\.rawValue)))
    var tool: String?
    @Option(help: ArgumentHelp("Only runs started at or after this UTC date or time.", valueName: "date"))
    var since: String?
    @Option(help: ArgumentHelp("Only runs started before this UTC date or time.", valueName: "date"))
    var until: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
      for (flag, value) in [("--since", since), ("--until", until)] {
        if let value, Self.date(value) == nil {
          throw ValidationError("'\(flag) \(value)': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
        }
      }
    }

    func run() throws {
      let filter = RunFilter(
        scenario: scenario, tool: tool, since: since.flatMap(Self.date), until: until.flatMap(Self.date))
      let runs = try store.openForReading().listRuns(matching: filter)
      let given = [("--scenario", scenario), ("--tool", tool), ("--since", since), ("--until", until)]
        .compactMap { flag, value in value.map { "\(flag) \($0)" } }
      print(json ? RunListFormatter.json(runs) : RunListFormatter.table(runs, filters: given), terminator: "")
    }

    /// A whole day means its midnight, UTC.
    static func date(_ text: String) -> Date? {
      UTCTimestamp.parse(text) ?? UTCTimestamp.parse(text + "T00:00:00Z")
    }
  }
}
