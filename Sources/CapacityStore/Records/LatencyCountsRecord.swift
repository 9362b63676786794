import CapacityModel

/// A row of `latency_counts`: one raw log's successful requests by latency ceiling, of all
/// requests or one endpoint.
package struct LatencyCountsRecord: RunChildRecord {
  package static let databaseTableName = "latency_counts"
  package var runId: String
  package var position: Int
  package var method: String
  package var name: String
  package var isTotal: Bool
  package var ceilingsMs: [Int64]
  package var counts: [Int64]

  package init(runId: String, position: Int, _ counts: LatencyCounts) {
    self.runId = runId
    self.position = position
    method = counts.method
    name = counts.name
    isTotal = counts.isTotal
    ceilingsMs = counts.ceilingsMs
    self.counts = counts.counts
  }

  package var latencyCounts: LatencyCounts {
    LatencyCounts(method: method, name: name, isTotal: isTotal, ceilingsMs: ceilingsMs, counts: counts)
  }
}
