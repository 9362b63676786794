import CapacityKit
import Foundation
import Testing

/// The two stores the store suite runs against, as `@Test(arguments: StoreBackend.allCases)`.
package enum StoreBackend: String, CaseIterable, Sendable, CustomStringConvertible {
  case sqlite, postgres

  package var description: String { rawValue }

  /// Where a new, empty store of this kind is: a file in the temporary directory, or a new
  /// database on the test server (see `TestPostgres`).
  package func freshLocation() throws -> String {
    switch self {
    case .sqlite:
      FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID()).sqlite").path
    case .postgres: try TestPostgres.freshDatabase()
    }
  }

  package func freshStore() throws -> any RunHistory { try RunHistoryOpener.open(try freshLocation()) }

  /// What `sql` selects at `location`, one row a line, columns joined by `|`, read with the
  /// database's own client (Python's sqlite3 module, `psql`): an independent count of what is stored.
  package static func query(_ location: String, _ sql: String) throws -> String {
    if PostgresLocation.isPostgresURL(location) { return try TestPostgres.psql(location, sql) }
    let script = """
      import sqlite3, sys
      for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
          print("|".join("" if v is None else str(v) for v in row))
      """
    return try Shell.run("/usr/bin/env", ["python3", "-c", script, location, sql])
  }
}

/// The PostgreSQL server the tests use: `CAPACITY_TEST_POSTGRES_URL` names a database on it whose
/// role may create databases (`scripts/ci-postgres start` prints one). Without it a PostgreSQL
/// case is skipped, saying why; under CI (`CI` set) it fails instead, since CI starts the server.
package enum TestPostgres {
  package static let variable = "CAPACITY_TEST_POSTGRES_URL"

  package struct Missing: Error, CustomStringConvertible {
    package var description: String {
      "CI is set but \(TestPostgres.variable) is not: .ci/run starts PostgreSQL with scripts/ci-postgres"
    }
  }

  private static let skipReason =
    "PostgreSQL cases skipped: no server; run `export \(variable)=$(scripts/ci-postgres start)` to include them"

  /// Said once on stderr: Swift Testing does not print why a single argument's case was cancelled.
  private static let announceSkip: Void = FileHandle.standardError.write(Data((skipReason + "\n").utf8))

  /// The server's URL, or the case is skipped (cancelled) or failed as above.
  package static func serverURL() throws -> String {
    let environment = ProcessInfo.processInfo.environment
    if let url = environment[variable], !url.isEmpty { return url }
    if environment["CI"].map({ !$0.isEmpty }) ?? false { throw Missing() }
    _ = announceSkip
    try Test.cancel(Comment(rawValue: skipReason))
  }

  /// A new, empty database on the server; its URL.
  package static func freshDatabase() throws -> String {
    let server = try serverURL()
    let name =
      "capacity_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    _ = try psql(server, "CREATE DATABASE \(name)")
    return try replacingDatabase(of: server, with: name)
  }

  /// `url` naming database `name` instead.
  package static func replacingDatabase(of url: String, with name: String) throws -> String {
    guard var components = URLComponents(string: url) else { throw CocoaError(.fileReadInvalidFileName) }
    components.path = "/" + name
    components.query = nil
    return components.string ?? url
  }

  /// What `psql` prints for `sql` (unaligned, tuples only): an independent reading of the database.
  package static func psql(_ url: String, _ sql: String) throws -> String {
    try Shell.run("/usr/bin/env", ["psql", url, "-X", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql])
  }
}

/// Runs a command to its end, capturing what it prints.
package enum Shell {
  package struct Result: Sendable {
    package var status: Int32
    package var stdout: String
    package var stderr: String
  }

  package struct Failure: Error, CustomStringConvertible {
    package var description: String

    package init(description: String) { self.description = description }
  }

  package static func capture(
    _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// The command's standard output, trimmed; throws with its standard error when it fails.
  package static func run(_ executable: String, _ arguments: [String]) throws -> String {
    let result = try capture(URL(fileURLWithPath: executable), arguments)
    guard result.status == 0 else {
      throw Failure(description: "\(arguments.first ?? executable) failed: \(result.stderr)")
    }
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
