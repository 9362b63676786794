import GRDB

/// Where a run's child rows are read from when it is loaded back: a GRDB database, or a
/// PostgreSQL session whose rows are turned into GRDB rows, so one mapping serves both stores.
package protocol RunRowSource {
  /// Every row of `table` that belongs to run `runID`, in `position` order.
  func rows(of table: String, runID: String) throws -> [Row]
}

extension RunRowSource {
  /// The query `rows(of:runID:)` runs, with `placeholder` for the run id.
  package static func childRowsSQL(_ table: String, placeholder: String) -> String {
    "SELECT * FROM \(table) WHERE run_id = \(placeholder) ORDER BY position"
  }
}

extension Database: RunRowSource {
  package func rows(of table: String, runID: String) throws -> [Row] {
    try Row.fetchAll(self, sql: Self.childRowsSQL(table, placeholder: "?"), arguments: [runID])
  }
}
