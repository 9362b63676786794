import ArgumentParser
import CapacityKit

/// Where runs are stored: a SQLite file (the default) or a PostgreSQL database a team shares.
struct StoreOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "SQLite file (created when missing) or postgres://user@host:port/database; default: $CAPACITY_DB, "
        + "else capacity.sqlite. A PostgreSQL password comes from the URL, PGPASSWORD or ~/.pgpass.",
      valueName: "path|url"),
    completion: .file(extensions: ["sqlite", "db"]))
  var db: String?

  /// `--db`, else `CAPACITY_DB`, else `capacity.sqlite`.
  var location: String { RunHistoryOpener.location(db) }

  func open() throws -> any RunHistory { try Self.open(location) }

  /// For commands that only read: a SQLite file the user may not write is opened read-only.
  func openForReading() throws -> any RunHistory { try Self.open(location, readOnly: true) }

  /// Opens `location`, printing libpq's password-file warnings to standard error.
  static func open(_ location: String, readOnly: Bool = false) throws -> any RunHistory {
    try RunHistoryOpener.open(location, readOnly: readOnly) {
      Console.standardError.write("warning: \($0)\n")
    }
  }
}
