import CapacityModel
import CapacityStore
import Foundation
import GRDB

/// The run history on a PostgreSQL server, for a team: several people and CI jobs ingest into one
/// database and see each other's runs.
///
/// A run is written in one transaction: its `run` row goes first with `ON CONFLICT DO NOTHING`,
/// and when another process stored the same id first (concurrent ingests of the same files wait
/// on that row's key until the first commits) nothing else is written. Readers take one snapshot
/// per run loaded, so a run is seen whole or not at all.
public final class PostgresRunStore: RunHistory {
  private let session: PostgresSession

  /// Connects and applies the migrations the database lacks (under an advisory lock).
  public init(_ location: PostgresLocation) throws(StoreError) {
    session = try PostgresSession(location)
    try PostgresSchema.migrate(session)
  }

  public var location: String { session.location.description }

  @discardableResult
  public func insert(_ run: Run, ingestedAt: Date) throws(StoreError) -> Bool {
    let tables: [TableRows]
    do {
      tables = try RunMapping.records(of: run, ingestedAt: ingestedAt).tables()
    } catch {
      throw StoreError(error)
    }
    return try insertAll(tables)
  }

  public func containsRun(id: String) throws(StoreError) -> Bool {
    try count(HistoryQueries.runExists, id) > 0
  }

  public func addRequestMarks(of run: Run) throws(StoreError) {
    guard let marks = run.requestMarks else { return }
    let table: TableRows
    do {
      table = try TableRows([RequestMarksRecord(runId: run.id, marks: marks)])
    } catch {
      throw StoreError(error)
    }
    try session.transaction {
      guard try count(HistoryQueries.runExists, run.id) > 0 else { return }
      try insert(table)
    }
  }

  public func listRuns() throws(StoreError) -> [StoredRun] {
    try session.query(HistoryQueries.listRuns).map(HistoryQueries.storedRun)
  }

  public func trend(name: String) throws(StoreError) -> [TrendPoint] {
    try session.query(HistoryQueries.trend, [name.databaseValue]).map(HistoryQueries.trendPoint)
  }

  public func run(id: String) throws(StoreError) -> Run {
    try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
      guard let row = try session.query(HistoryQueries.runByID, [id.databaseValue]).first else {
        throw StoreError.runNotFound(id)
      }
      let record = try StoreError.reading("run") { try RunRecord(row: row) }
      return try RunMapping.run(from: record, in: RowSource(session: session))
    }
  }

  @discardableResult
  public func insert(_ file: ResourceFile, ingestedAt: Date) throws(StoreError) -> Bool {
    let tables: [TableRows]
    do {
      tables = try HistoryQueries.resourceRows(of: file, ingestedAt: ingestedAt)
    } catch {
      throw StoreError(error)
    }
    return try insertAll(tables)
  }

  public func resourceFileList() throws(StoreError) -> [StoredResourceFile] {
    try session.query(HistoryQueries.resourceFileList).map(HistoryQueries.storedResourceFile)
  }

  public func resourceFile(sha256: String) throws(StoreError) -> ResourceFile? {
    try session.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
      guard let row = try session.query(HistoryQueries.resourceFile, [sha256.databaseValue]).first else {
        return nil
      }
      let series = try session.query(HistoryQueries.resourceSeries, [sha256.databaseValue])
      return try HistoryQueries.resourceFile(sha256: sha256, file: row, series: series)
    }
  }

  /// Inserts `tables` in one transaction when their first row (the run, the resource file) is new.
  private func insertAll(_ tables: [TableRows]) throws(StoreError) -> Bool {
    guard let head = tables.first else { return false }
    return try session.transaction {
      guard try insert(head) > 0 else { return false }
      for table in tables.dropFirst() { try insert(table) }
      return true
    }
  }

  /// Inserts `table`'s rows in statements of at most `maximumArguments`; returns how many were new.
  @discardableResult
  private func insert(_ table: TableRows) throws(StoreError) -> Int {
    var inserted = 0
    for batch in table.batches(maximumArguments: PostgresSession.maximumArguments) {
      let sql = table.insertSQL(rows: batch.count)
      inserted += try session.execute(sql, Array(table.values[batch].joined()))
    }
    return inserted
  }

  private func count(_ sql: String, _ argument: String) throws(StoreError) -> Int {
    (try session.query(sql, [argument.databaseValue]).first?[0] as Int?) ?? 0
  }

  /// A run's child rows, read through the session (inside the caller's snapshot).
  private struct RowSource: RunRowSource {
    let session: PostgresSession

    func rows(of table: String, runID: String) throws -> [Row] {
      try session.query(Self.childRowsSQL(table, placeholder: "?"), [runID.databaseValue])
    }
  }
}
