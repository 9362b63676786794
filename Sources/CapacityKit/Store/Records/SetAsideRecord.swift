/// A row of `set_aside`: raw-log rows not counted as requests, by reason.
struct SetAsideRecord: RunChildRecord {
  static let databaseTableName = "set_aside"
  var runId: String
  var position: Int
  var reason: String
  var count: Int64
}
