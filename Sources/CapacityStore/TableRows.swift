import GRDB
import GRDBSQLite

/// Rows of one table, ready to insert: every row has the same columns. Both stores insert a run
/// from these, so SQLite and PostgreSQL receive exactly the same values.
package struct TableRows: Sendable {
  package var table: String
  package var columns: [String]
  package var values: [[DatabaseValue]]

  package init(table: String, columns: [String], values: [[DatabaseValue]]) {
    self.table = table
    self.columns = columns
    self.values = values
  }

  /// The rows of `records` (GRDB's encoding: JSON for nested values, 0/1 for booleans).
  package init<Record: EncodableRecord & TableRecord>(_ records: [Record]) throws {
    let dictionaries = try records.map { try $0.databaseDictionary }
    let columns = Set(dictionaries.flatMap(\.keys)).sorted()
    self.init(
      table: Record.databaseTableName, columns: columns,
      values: dictionaries.map { row in columns.map { row[$0] ?? .null } })
  }

  /// The rows of `records` straight from their column values, the columns sorted by name as above.
  package init<Record: ColumnRecord>(_ records: [Record]) throws {
    let order = Record.columns.indices.sorted { Record.columns[$0] < Record.columns[$1] }
    self.init(
      table: Record.databaseTableName, columns: order.map { Record.columns[$0] },
      values: try records.map { record in
        let values = try record.columnValues()
        return order.map { values[$0] }
      })
  }

  /// `INSERT … VALUES (?, …), (?, …) ON CONFLICT DO NOTHING` for `count` rows.
  package func insertSQL(rows count: Int) -> String {
    let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    let tuples = Array(repeating: tuple, count: count)
    return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
      + tuples.joined(separator: ", ") + " ON CONFLICT DO NOTHING"
  }

  /// Row ranges of at most `maximumArguments` arguments each (PostgreSQL takes 65 535 per statement).
  package func batches(maximumArguments: Int) -> [Range<Int>] {
    let size = max(1, maximumArguments / max(1, columns.count))
    return stride(from: 0, to: values.count, by: size).map { $0..<min($0 + size, values.count) }
  }

  /// Inserts every row through one cached statement, binding each value with SQLite's own calls:
  /// GRDB's `StatementArguments` from an array of values cost more than the insert itself (a key
  /// path instantiated per row, or a dynamic cast per value), and a run has thousands of rows.
  package func insert(_ db: Database) throws {
    guard !values.isEmpty else { return }
    let statement = try db.cachedStatement(sql: insertSQL(rows: 1))
    let handle = statement.sqliteStatement
    defer {
      sqlite3_reset(handle)
      sqlite3_clear_bindings(handle)
    }
    func failure(_ code: CInt) -> DatabaseError {
      DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
    }
    for row in values {
      sqlite3_reset(handle)
      for (index, value) in row.enumerated() {
        let code = value.bind(to: handle, at: CInt(index + 1))
        guard code == SQLITE_OK else { throw failure(code) }
      }
      let code = sqlite3_step(handle)
      guard code == SQLITE_DONE else { throw failure(code) }
    }
  }
}
