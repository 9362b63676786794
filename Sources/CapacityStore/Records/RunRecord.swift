import GRDB

/// A row of `run`.
package struct RunRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
  package static let databaseTableName = "run"
  package static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
  package static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

  package enum Columns {
    package static let id = Column("id")
    package static let name = Column("name")
    static let startedAt = Column("started_at")
  }

  package var id: String
  package var name: String
  package var tool: String
  package var startedAt: Double?
  package var endedAt: Double?
  package var historyKind: String
  package var ingestedAt: Double
  package var latencyMethod: String? = nil
  /// JSON `RunOrigin`; NULL for a run that is simply its files.
  package var origin: String? = nil
}
