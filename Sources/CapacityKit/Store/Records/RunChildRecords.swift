import GRDB

// The per-run child tables. Each row carries `position` so a run loads back in the order it was
// stored, which keeps reports from the store identical to reports from the files.

/// Shared coding and ordering of the per-run child tables.
protocol RunChildRecord: Codable, FetchableRecord, PersistableRecord {}

extension RunChildRecord {
  static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
  static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

  static func all(ofRun runID: String, in db: Database) throws -> [Self] {
    try StoreError.reading(databaseTableName) {
      try filter(Column("run_id") == runID).order(Column("position")).fetchAll(db)
    }
  }
}

/// The columns a tick of a history has, whether of the run or of one endpoint.
protocol TimelinePointColumns {
  var timestamp: Int64 { get }
  var users: Int { get }
  var requestsPerSecond: Double { get }
  var failuresPerSecond: Double { get }
  var percentiles: [PercentileValue] { get }
  var totalRequests: Int64 { get }
  var totalFailures: Int64 { get }
  var totalAverageMs: Double? { get }
}

extension TimelinePointColumns {
  var timelinePoint: TimelinePoint {
    TimelinePoint(
      timestamp: timestamp, users: users, requestsPerSecond: requestsPerSecond,
      failuresPerSecond: failuresPerSecond, percentiles: percentiles, totalRequests: totalRequests,
      totalFailures: totalFailures, totalAverageMs: totalAverageMs)
  }
}

/// A row of `source_file`.
struct SourceFileRecord: RunChildRecord {
  static let databaseTableName = "source_file"
  var runId: String
  var position: Int
  var path: String
  var role: String
  var sha256: String
  var bytes: Int64
}

/// A row of `endpoint_stat`; position −1 holds the tool's total row.
struct EndpointStatRecord: RunChildRecord {
  static let databaseTableName = "endpoint_stat"
  var runId: String
  var position: Int
  var method: String
  var name: String
  var requests: Int64
  var failures: Int64
  var medianMs: Double?
  var averageMs: Double?
  var minMs: Double?
  var maxMs: Double?
  var averageContentBytes: Double?
  var requestsPerSecond: Double
  var failuresPerSecond: Double
  var percentiles: [PercentileValue]
}

/// A row of `transaction_stat`: one JMeter Transaction Controller label of a run.
struct TransactionStatRecord: RunChildRecord {
  static let databaseTableName = "transaction_stat"
  var runId: String
  var position: Int
  var name: String
  var stats: EndpointStats
}

/// A row of `timeline_point`.
struct TimelinePointRecord: RunChildRecord, TimelinePointColumns {
  static let databaseTableName = "timeline_point"
  var runId: String
  var position: Int
  var timestamp: Int64
  var users: Int
  var requestsPerSecond: Double
  var failuresPerSecond: Double
  var percentiles: [PercentileValue]
  var totalRequests: Int64
  var totalFailures: Int64
  var totalAverageMs: Double?
  var windowPercentiles: [PercentileValue]?
}

/// A row of `endpoint_timeline_point`: one tick of one endpoint's history.
struct EndpointTimelinePointRecord: RunChildRecord, TimelinePointColumns {
  static let databaseTableName = "endpoint_timeline_point"
  var runId: String
  var position: Int
  var method: String
  var name: String
  var timestamp: Int64
  var users: Int
  var requestsPerSecond: Double
  var failuresPerSecond: Double
  var percentiles: [PercentileValue]
  var totalRequests: Int64
  var totalFailures: Int64
  var totalAverageMs: Double?
}

/// A row of `error_group`.
struct ErrorGroupRecord: RunChildRecord {
  static let databaseTableName = "error_group"
  var runId: String
  var position: Int
  var method: String
  var name: String
  var message: String
  var occurrences: Int64
  var firstSeen: Double?
  var lastSeen: Double?
}

/// A row of `exception_group`.
struct ExceptionGroupRecord: RunChildRecord {
  static let databaseTableName = "exception_group"
  var runId: String
  var position: Int
  var count: Int64
  var message: String
  var traceback: String
  var nodes: String
}

/// A row of `diagnostic`.
struct DiagnosticRecord: RunChildRecord {
  static let databaseTableName = "diagnostic"
  var runId: String
  var position: Int
  var file: String
  var line: Int
  var message: String
}
