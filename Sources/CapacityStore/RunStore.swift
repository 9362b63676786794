import CapacityModel
import Foundation
import GRDB

/// The SQLite store of ingested runs (GRDB, WAL mode).
///
/// A run is written in one transaction keyed by its content hash, so ingesting the same files
/// twice is a no-op and an interrupted ingest leaves nothing behind. Everything a report needs
/// is stored: a run loaded back analyses exactly like the one read from its files.
public final class RunStore: RunHistory {
  package let writer: any DatabaseWriter
  private let path: String

  /// Opens (creating it and its parent directories if needed) the database at `path`; `:memory:`
  /// gives a private in-memory one. With `readOnly`, an existing store the user may not write
  /// (a read-only file or directory) is opened read-only, so listing and reporting still work.
  public init(path: String, readOnly: Bool = false) throws(StoreError) {
    self.path = path
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
      try Self.migrate(writer)
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError {
      throw .cannotOpen(path: path, reason: Self.plainReason(error, path: path, exists: exists))
    } catch {
      throw .cannotOpen(path: path, reason: FileSystemError.plainWords(error))
    }
  }

  /// Applies the migrations the file lacks. GRDB's migrator reads which are applied before it
  /// takes the write lock, so when several processes create one new file at once the slower ones
  /// retry a migration the first has just applied, and fail; migrating again then finds it applied.
  /// Each retry follows another process's progress, so a few suffice.
  private static func migrate(_ writer: any DatabaseWriter) throws {
    for attempt in 1... {
      do {
        return try Schema.migrator.migrate(writer)
      } catch let error as DatabaseError
        where attempt < 20
        && ["already exists", "duplicate column"].contains(where: { error.message?.contains($0) == true })
      {
        continue
      }
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

  public var location: String { path }

  @discardableResult
  public func insert(_ run: Run, ingestedAt: Date) throws(StoreError) -> Bool {
    do {
      return try writer.write { db in
        if try RunRecord.exists(db, key: run.id) { return false }
        for table in try RunMapping.records(of: run, ingestedAt: ingestedAt).tables() { try table.insert(db) }
        return true
      }
    } catch {
      throw StoreError(error)
    }
  }

  /// A passive checkpoint of the WAL: SQLite would otherwise run it when the last connection
  /// closes, syncing the database file there (7 ms of a 1 M-row analyze, at its very end).
  public func checkpoint() {
    guard writer is DatabasePool else { return }
    // A failed checkpoint loses nothing: the WAL keeps the pages until a later one copies them.
    _ = try? writer.writeWithoutTransaction { try $0.checkpoint(.passive) }
  }

  public func containsRun(id: String) throws(StoreError) -> Bool {
    do {
      return try writer.read { db in try RunRecord.exists(db, key: id) }
    } catch {
      throw StoreError(error)
    }
  }

  public func addRequestMarks(of run: Run) throws(StoreError) {
    guard let marks = run.requestMarks else { return }
    do {
      try writer.write { db in
        guard try RunRecord.exists(db, key: run.id),
          try RequestMarksRecord.all(ofRun: run.id, in: db).isEmpty
        else { return }
        try TableRows([RequestMarksRecord(runId: run.id, marks: marks)]).insert(db)
      }
    } catch {
      throw StoreError(error)
    }
  }

  public func trend(name: String) throws(StoreError) -> [TrendPoint] {
    try fetch(HistoryQueries.trend, [name]).map(HistoryQueries.trendPoint)
  }

  public func listRuns() throws(StoreError) -> [StoredRun] {
    try fetch(HistoryQueries.listRuns).map(HistoryQueries.storedRun)
  }

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

  /// The rows `sql` selects, read in one transaction.
  package func fetch(_ sql: String, _ arguments: StatementArguments = []) throws(StoreError) -> [Row] {
    do {
      return try writer.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
    } catch {
      throw StoreError(error)
    }
  }
}
