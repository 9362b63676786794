/// A row of `set_aside`: raw-log rows not counted as requests, by reason.
package struct SetAsideRecord: RunChildRecord {
  package static let databaseTableName = "set_aside"
  package var runId: String
  package var position: Int
  package var reason: String
  package var count: Int64
}
