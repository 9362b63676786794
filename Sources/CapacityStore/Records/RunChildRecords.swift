import CapacityModel
import GRDB

// The per-run child tables. Each row carries `position` so a run loads back in the order it was
// stored, which keeps reports from the store identical to reports from the files.

/// Shared coding and ordering of the per-run child tables.
package protocol RunChildRecord: Codable, FetchableRecord, PersistableRecord {}

extension RunChildRecord {
  package static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
  package static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

  package static func all(ofRun runID: String, in db: some RunRowSource) throws -> [Self] {
    let rows = try db.rows(of: databaseTableName, runID: runID)
    return try StoreError.reading(databaseTableName) { try rows.map { try Self(row: $0) } }
  }
}

/// A row of `source_file`.
package struct SourceFileRecord: RunChildRecord {
  package static let databaseTableName = "source_file"
  package var runId: String
  package var position: Int
  package var path: String
  package var role: String
  package var sha256: String
  package var bytes: Int64
}

/// A row of `endpoint_stat`; position −1 holds the tool's total row.
package struct EndpointStatRecord: RunChildRecord {
  package static let databaseTableName = "endpoint_stat"
  package var runId: String
  package var position: Int
  package var method: String
  package var name: String
  package var requests: Int64
  package var failures: Int64
  package var medianMs: Double?
  package var averageMs: Double?
  package var minMs: Double?
  package var maxMs: Double?
  package var averageContentBytes: Double?
  package var requestsPerSecond: Double
  package var failuresPerSecond: Double
  package var percentiles: [PercentileValue]
}

/// A row of `transaction_stat`: one JMeter Transaction Controller label of a run.
package struct TransactionStatRecord: RunChildRecord {
  package static let databaseTableName = "transaction_stat"
  package var runId: String
  package var position: Int
  package var name: String
  package var stats: EndpointStats
}

/// A row of `timeline_point`.
package struct TimelinePointRecord: RunChildRecord {
  package static let databaseTableName = "timeline_point"
  package var runId: String
  package var position: Int
  /// The tick; empty window percentiles are stored as NULL.
  package var point: TimelinePoint
}

/// A row of `endpoint_timeline_point`: one tick of one endpoint's history.
package struct EndpointTimelinePointRecord: RunChildRecord {
  package static let databaseTableName = "endpoint_timeline_point"
  package var runId: String
  package var position: Int
  package var method: String
  package var name: String
  /// The tick; an endpoint's ticks have no window percentiles (they are not stored).
  package var point: TimelinePoint
}

/// A row of `error_group`.
package struct ErrorGroupRecord: RunChildRecord {
  package static let databaseTableName = "error_group"
  package var runId: String
  package var position: Int
  package var method: String
  package var name: String
  package var message: String
  package var occurrences: Int64
  package var firstSeen: Double?
  package var lastSeen: Double?
}

/// A row of `exception_group`.
package struct ExceptionGroupRecord: RunChildRecord {
  package static let databaseTableName = "exception_group"
  package var runId: String
  package var position: Int
  package var count: Int64
  package var message: String
  package var traceback: String
  package var nodes: String
}

/// A row of `diagnostic`.
package struct DiagnosticRecord: RunChildRecord {
  package static let databaseTableName = "diagnostic"
  package var runId: String
  package var position: Int
  package var file: String
  package var line: Int
  package var message: String
}
