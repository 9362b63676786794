import ArgumentParser
import CapacityKit

/// Where runs are stored.
struct StoreOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp("SQLite database file; created when missing.", valueName: "path"),
    completion: .file(extensions: ["sqlite", "db"]))
  var db = "capacity.sqlite"

  func open() throws -> RunStore { try RunStore(path: db) }

  /// For commands that only read: a store the user may not write is opened read-only.
  func openForReading() throws -> RunStore { try RunStore(path: db, readOnly: true) }
}
