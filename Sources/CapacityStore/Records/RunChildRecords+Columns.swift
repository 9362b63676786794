import CapacityModel
import GRDB

/// A record written from its values in column order, without GRDB's persistence container: the
/// tables a run has thousands of rows of.
package protocol ColumnRecord: RunChildRecord {
  /// The column names, in the order of `columnValues()`.
  static var columns: [String] { get }
  func columnValues() throws -> [DatabaseValue]
}

extension ColumnRecord {
  package func encode(to container: inout PersistenceContainer) throws {
    for (column, value) in zip(Self.columns, try columnValues()) { container[column] = value }
  }
}

// Column-by-column coding of the tables a run has many rows of (per-second history, endpoints,
// request windows, latency counts). GRDB's Codable path encoded every row through a keyed
// encoder and JSONEncoder, and decoded it back through JSONDecoder: most of the cost of
// `analyze` on a small file. The columns and their bytes are the same as before (the store
// tests and the golden reports read them back); the other tables keep the Codable path.

extension TimelinePointRecord: ColumnRecord {
  package static let columns =
    ["run_id", "position"] + TimelinePoint.columns + ["window_percentiles"]

  package func columnValues() throws -> [DatabaseValue] {
    let window = point.windowPercentiles.isEmpty ? nil : point.windowPercentiles
    return [runId.databaseValue, position.databaseValue]
      + (try point.columnValues()) + [try window.map(ColumnJSON.text).databaseValue]
  }

  package init(row: Row) throws {
    var point = try TimelinePoint(row: row)
    point.windowPercentiles =
      try row.decode(String?.self, forColumn: "window_percentiles").map(ColumnJSON.percentiles) ?? []
    self.init(
      runId: try row.decode(forColumn: "run_id"), position: try row.decode(forColumn: "position"),
      point: point)
  }
}

extension EndpointTimelinePointRecord: ColumnRecord {
  package static let columns = EndpointRowHead.columns + TimelinePoint.columns

  package func columnValues() throws -> [DatabaseValue] {
    EndpointRowHead(runId: runId, position: position, method: method, name: name).values
      + (try point.columnValues())
  }

  package init(row: Row) throws {
    let head = try EndpointRowHead(row: row)
    self.init(
      runId: head.runId, position: head.position, method: head.method, name: head.name,
      point: try TimelinePoint(row: row))
  }
}

extension TimelinePoint {
  /// The columns a tick has whether of the run or of one endpoint, in the order of `columnValues()`.
  fileprivate static let columns = [
    "timestamp", "users", "requests_per_second", "failures_per_second", "percentiles", "total_requests",
    "total_failures", "total_average_ms",
  ]

  fileprivate func columnValues() throws -> [DatabaseValue] {
    [
      timestamp.databaseValue, users.databaseValue, requestsPerSecond.databaseValue,
      failuresPerSecond.databaseValue, try ColumnJSON.text(percentiles).databaseValue,
      totalRequests.databaseValue, totalFailures.databaseValue, totalAverageMs.databaseValue,
    ]
  }

  /// The tick's columns of `row`, without window percentiles.
  fileprivate init(row: Row) throws {
    self.init(
      timestamp: try row.decode(forColumn: "timestamp"), users: try row.decode(forColumn: "users"),
      requestsPerSecond: try row.decode(forColumn: "requests_per_second"),
      failuresPerSecond: try row.decode(forColumn: "failures_per_second"),
      percentiles: try ColumnJSON.percentiles(row.decode(forColumn: "percentiles")),
      totalRequests: try row.decode(forColumn: "total_requests"),
      totalFailures: try row.decode(forColumn: "total_failures"),
      totalAverageMs: try row.decode(forColumn: "total_average_ms"))
  }
}

extension EndpointStatRecord: ColumnRecord {
  package static let columns =
    EndpointRowHead.columns + [
      "requests", "failures", "median_ms", "average_ms", "min_ms", "max_ms", "average_content_bytes",
      "requests_per_second", "failures_per_second", "percentiles",
    ]

  package func columnValues() throws -> [DatabaseValue] {
    EndpointRowHead(runId: runId, position: position, method: method, name: name).values + [
      requests.databaseValue, failures.databaseValue, medianMs.databaseValue, averageMs.databaseValue,
      minMs.databaseValue, maxMs.databaseValue, averageContentBytes.databaseValue,
      requestsPerSecond.databaseValue, failuresPerSecond.databaseValue,
      try ColumnJSON.text(percentiles).databaseValue,
    ]
  }

  package init(row: Row) throws {
    let head = try EndpointRowHead(row: row)
    self.init(
      runId: head.runId, position: head.position, method: head.method, name: head.name,
      requests: try row.decode(forColumn: "requests"), failures: try row.decode(forColumn: "failures"),
      medianMs: try row.decode(forColumn: "median_ms"), averageMs: try row.decode(forColumn: "average_ms"),
      minMs: try row.decode(forColumn: "min_ms"), maxMs: try row.decode(forColumn: "max_ms"),
      averageContentBytes: try row.decode(forColumn: "average_content_bytes"),
      requestsPerSecond: try row.decode(forColumn: "requests_per_second"),
      failuresPerSecond: try row.decode(forColumn: "failures_per_second"),
      percentiles: try ColumnJSON.percentiles(row.decode(forColumn: "percentiles")))
  }
}

extension RequestWindowRecord {
  package func encode(to container: inout PersistenceContainer) throws {
    EndpointRowHead(runId: runId, position: position, method: method, name: name).encode(to: &container)
    container["is_total"] = isTotal
    container["window_s"] = windowS
    container["start"] = start
    container["windows"] = try ColumnJSON.text(windows)
  }

  package init(row: Row) throws {
    let head = try EndpointRowHead(row: row)
    self.init(
      runId: head.runId, position: head.position,
      RequestWindowSeries(
        method: head.method, name: head.name,
        isTotal: try row.decode(forColumn: "is_total"), seconds: try row.decode(forColumn: "window_s"),
        start: try row.decode(forColumn: "start"),
        windows: try ColumnJSON.windows(row.decode(forColumn: "windows"))))
  }
}

extension LatencyCountsRecord {
  package func encode(to container: inout PersistenceContainer) throws {
    EndpointRowHead(runId: runId, position: position, method: method, name: name).encode(to: &container)
    container["is_total"] = isTotal
    container["ceilings_ms"] = ColumnJSON.text(ceilingsMs)
    container["counts"] = ColumnJSON.text(counts)
  }

  package init(row: Row) throws {
    let head = try EndpointRowHead(row: row)
    self.init(
      runId: head.runId, position: head.position,
      LatencyCounts(
        method: head.method, name: head.name,
        isTotal: try row.decode(forColumn: "is_total"),
        ceilingsMs: try ColumnJSON.integers(row.decode(forColumn: "ceilings_ms")),
        counts: try ColumnJSON.integers(row.decode(forColumn: "counts"))))
  }
}

extension StatusCodesRecord {
  package func encode(to container: inout PersistenceContainer) throws {
    container["run_id"] = runId
    container["position"] = position
    container["window_s"] = windowS
    container["start"] = start
    container["classes"] = ColumnJSON.text(classes.map(Int64.init))
    container["windows"] = ColumnJSON.text(windows)
  }
}

/// The columns a row of one endpoint's figures starts with.
private struct EndpointRowHead {
  var runId: String
  var position: Int
  var method: String
  var name: String

  init(runId: String, position: Int, method: String, name: String) {
    self.runId = runId
    self.position = position
    self.method = method
    self.name = name
  }

  init(row: Row) throws {
    runId = try row.decode(forColumn: "run_id")
    position = try row.decode(forColumn: "position")
    method = try row.decode(forColumn: "method")
    name = try row.decode(forColumn: "name")
  }

  static let columns = ["run_id", "position", "method", "name"]

  var values: [DatabaseValue] {
    [runId.databaseValue, position.databaseValue, method.databaseValue, name.databaseValue]
  }

  func encode(to container: inout PersistenceContainer) {
    container["run_id"] = runId
    container["position"] = position
    container["method"] = method
    container["name"] = name
  }
}
