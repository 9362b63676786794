import CapacityStore
import Foundation
import GRDB

/// The store's schema on PostgreSQL: `Schema.migrations`, the same list in the same order under
/// the same ids, with SQLite's column types spelt PostgreSQL's way. Applied inside one transaction
/// that holds an advisory lock, so two processes opening a new database at once do not both
/// create it; the ids applied are kept in `grdb_migrations`, as GRDB keeps them in SQLite.
enum PostgresSchema {
  /// The advisory lock key every capacity process takes while migrating (any constant will do;
  /// this is "capacity" in ASCII, the first 8 bytes).
  static let lockKey: Int64 = 0x6361_7061_6369_7479

  /// One migration's statements for PostgreSQL: `--` comments dropped, split on `;`,
  /// INTEGER → BIGINT, REAL → DOUBLE PRECISION, BLOB → BYTEA, TEXT compared byte-wise as in
  /// SQLite (`COLLATE "C"`), and no `STRICT` (PostgreSQL's columns are always typed).
  static func statements(_ sqlite: String) -> [String] {
    let code = sqlite.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.range(of: "--").map { String(line[..<$0.lowerBound]) } ?? String(line)
    }.joined(separator: "\n")
    let replacements: [(String, String)] = [
      (#"\)\s*STRICT"#, ")"), (#"\bINTEGER\b"#, "BIGINT"), (#"\bREAL\b"#, "DOUBLE PRECISION"),
      (#"\bBLOB\b"#, "BYTEA"), (#"\bTEXT\b"#, #"TEXT COLLATE "C""#),
    ]
    let translated = replacements.reduce(code) { text, replacement in
      text.replacingOccurrences(of: replacement.0, with: replacement.1, options: .regularExpression)
    }
    return translated.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .filter { !$0.isEmpty }
  }

  /// Applies the migrations `session`'s database lacks, in order. A database that has them all is
  /// only read, so a role that may only read it (a dashboard, a report job) can open it.
  static func migrate(_ session: PostgresSession) throws(StoreError) {
    guard !(try pending(session).isEmpty) else { return }
    try session.transaction {
      try session.query("SELECT pg_advisory_xact_lock(?)", [lockKey.databaseValue])
      try session.executeScript(
        "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
      for migration in try pending(session) {
        for statement in statements(migration.sql) { try session.executeScript(statement) }
        _ = try session.execute(
          "INSERT INTO grdb_migrations (identifier) VALUES (?)", [migration.id.databaseValue])
      }
    }
  }

  /// The migrations not recorded in `grdb_migrations` (all of them when it does not exist).
  private static func pending(_ session: PostgresSession) throws(StoreError) -> [(id: String, sql: String)] {
    let present = try session.query("SELECT to_regclass('grdb_migrations') IS NOT NULL AS present")
    guard (present.first?["present"] as Bool?) == true else { return Schema.migrations }
    let applied = Set(
      try session.query("SELECT identifier FROM grdb_migrations").map { $0["identifier"] as String })
    return Schema.migrations.filter { !applied.contains($0.id) }
  }
}
