import CapacityModel
import Foundation
import GRDB

/// The SQLite store of ingested runs (GRDB, WAL mode).
///
/// A run is written in one transaction keyed by its content hash, so ingesting the same files
/// twice is a no-op and an interrupted ingest leaves nothing behind. Everything a report needs
/// is stored: a run loaded back analyses exactly like the one read from its files.
public final class RunStore: Sendable {
  package let writer: any DatabaseWriter

  /// Opens (creating it and its parent directories if needed) the database at `path`; `:memory:`
  /// gives a private in-memory one. With `readOnly`, an existing store the user may not write
  /// (a read-only file or directory) is opened read-only, so listing and reporting still work.
  public init(path: String, readOnly: Bool = false) throws(StoreError) {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(10)
    let exists = FileManager.default.fileExists(atPath: path)
    do {
      if path == ":memory:" {
        writer = try DatabaseQueue(configuration: configuration)
      } else if readOnly, exists, !Self.isWritable(path) {
        configuration.readonly = true
        writer = try DatabaseQueue(path: path, configuration: configuration)
        guard try writer.read({ try Schema.migrator.hasCompletedMigrations($0) }) else {
          throw StoreError.cannotOpen(
            path: path, reason: "it is read-only and was written by another version of capacity")
        }
        return
      } else {
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        writer = try DatabasePool(path: path, configuration: configuration)
      }
      try Schema.migrator.migrate(writer)
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError {
      throw .cannotOpen(path: path, reason: Self.plainReason(error, path: path, exists: exists))
    } catch {
      throw .cannotOpen(path: path, reason: FileSystemError.plainWords(error))
    }
  }

  /// Whether the store and its directory (WAL mode writes `-wal` and `-shm` beside it) may be written.
  package static func isWritable(_ path: String) -> Bool {
    let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
    return FileManager.default.isWritableFile(atPath: path)
      && FileManager.default.isWritableFile(atPath: parent)
  }

  private static func plainReason(_ error: DatabaseError, path: String, exists: Bool) -> String {
    switch error.resultCode {
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      "it is not a capacity store (or it is damaged); pass --db FILE to use another file"
    case .SQLITE_READONLY:
      "it is read-only; this command writes runs, so pass --db FILE to a writable place"
    case .SQLITE_CANTOPEN where exists && !isWritable(path):
      "it is read-only; this command writes runs, so pass --db FILE to a writable place"
    default: error.message ?? "\(error)"
    }
  }

  /// Stores `run` unless a run with the same id exists; returns whether it was new.
  @discardableResult
  public func insert(_ run: Run, ingestedAt: Date) throws(StoreError) -> Bool {
    do {
      return try writer.write { db in
        if try RunRecord.exists(db, key: run.id) { return false }
        try RunMapping.records(of: run, ingestedAt: ingestedAt).insert(db)
        return true
      }
    } catch {
      throw StoreError(error)
    }
  }

  /// Stores `run`'s request marks when its stored copy has none (stored by an earlier version).
  public func addRequestMarks(of run: Run) throws(StoreError) {
    guard let marks = run.requestMarks else { return }
    do {
      try writer.write { db in
        guard try RunRecord.exists(db, key: run.id),
          try RequestMarksRecord.all(ofRun: run.id, in: db).isEmpty
        else { return }
        try RequestMarksRecord(runId: run.id, marks: marks).insert(db)
      }
    } catch {
      throw StoreError(error)
    }
  }

  /// Stored runs that match `filter`, oldest first.
  public func listRuns(matching filter: RunFilter) throws(StoreError) -> [StoredRun] {
    try listRuns().filter(filter.matches)
  }

  /// Every stored run named `name`, oldest first, with the figures a trend shows.
  public func trend(name: String) throws(StoreError) -> [TrendPoint] {
    do {
      return try writer.read { db in
        let sql = """
          SELECT run.id, run.started_at, total.requests, total.failures, total.requests_per_second,
                 total.percentiles
          FROM run JOIN endpoint_stat AS total ON total.run_id = run.id AND total.position = -1
          WHERE run.name = ?
          ORDER BY run.started_at, run.id
          """
        return try Row.fetchAll(db, sql: sql, arguments: [name]).map { row in
          let json: String = row["percentiles"]
          let percentiles = (try? JSONDecoder().decode([PercentileValue].self, from: Data(json.utf8))) ?? []
          return TrendPoint(
            runID: row["id"],
            startedAt: (row["started_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            requests: row["requests"], failures: row["failures"],
            requestsPerSecond: row["requests_per_second"],
            p95Ms: percentiles.first { abs($0.quantile - 0.95) < 1e-9 }?.valueMs)
        }
      }
    } catch {
      throw StoreError(error)
    }
  }

  /// All stored runs, oldest first.
  public func listRuns() throws(StoreError) -> [StoredRun] {
    do {
      return try writer.read { db in
        let sql = """
          SELECT run.id, run.name, run.tool, run.started_at, run.ingested_at,
                 total.requests, total.failures,
                 (SELECT COUNT(*) FROM source_file WHERE source_file.run_id = run.id) AS files
          FROM run LEFT JOIN endpoint_stat AS total ON total.run_id = run.id AND total.position = -1
          ORDER BY run.started_at, run.name, run.id
          """
        return try Row.fetchAll(db, sql: sql).map { row in
          StoredRun(
            id: row["id"], name: row["name"], tool: row["tool"],
            startedAt: (row["started_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            ingestedAt: Date(timeIntervalSince1970: row["ingested_at"]),
            requests: row["requests"], failures: row["failures"], files: row["files"])
        }
      }
    } catch {
      throw StoreError(error)
    }
  }

  /// Finds a run by full id, unique id prefix (≥ 6 characters) or unique name.
  public func resolve(_ key: String) throws(StoreError) -> String {
    let runs = try listRuns()
    if runs.contains(where: { $0.id == key }) { return key }
    var matches = runs.filter { $0.name == key }
    if matches.isEmpty, key.count >= 6 { matches = runs.filter { $0.id.hasPrefix(key) } }
    guard let first = matches.first else { throw .runNotFound(key) }
    guard matches.count == 1 else {
      throw .ambiguousRun(key, matches: matches.map { String($0.id.prefix(12)) })
    }
    return first.id
  }

  /// Loads a whole run back.
  public func run(id: String) throws(StoreError) -> Run {
    do {
      return try writer.read { db in
        guard let record = try StoreError.reading("run", { try RunRecord.fetchOne(db, key: id) }) else {
          throw StoreError.runNotFound(id)
        }
        return try RunMapping.run(from: record, in: db)
      }
    } catch {
      throw StoreError(error)
    }
  }
}
