import GRDB

/// A row of `run`.
struct RunRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
  static let databaseTableName = "run"
  static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
  static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

  enum Columns {
    static let id = Column("id")
    static let name = Column("name")
    static let startedAt = Column("started_at")
  }

  var id: String
  var name: String
  var tool: String
  var startedAt: Double?
  var endedAt: Double?
  var historyKind: String
  var ingestedAt: Double
  var latencyMethod: String? = nil
  /// JSON `RunOrigin`; NULL for a run that is simply its files.
  var origin: String? = nil
}
