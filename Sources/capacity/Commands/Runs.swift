import ArgumentParser
import CapacityKit
import Foundation

extension Capacity {
  struct Runs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the runs in the database.")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
      let runs = try store.open().listRuns()
      if json {
        print(RunListFormatter.json(runs), terminator: "")
      } else {
        print(RunListFormatter.table(runs), terminator: "")
      }
    }
  }
}
