import CapacityModel
import Foundation
import GRDB

/// The queries both stores run, in SQL that SQLite and PostgreSQL read alike (`?` for each
/// argument; the PostgreSQL store numbers them), and the mapping of their rows. NULLs sort first
/// in both (SQLite's default, PostgreSQL's when asked), and PostgreSQL's text columns compare
/// byte-wise (`COLLATE "C"`, see `PostgresSchema`), so both list runs in the same order.
package enum HistoryQueries {
  package static let listRuns = """
    SELECT run.id, run.name, run.tool, run.started_at, run.ingested_at,
           total.requests, total.failures,
           (SELECT COUNT(*) FROM source_file WHERE source_file.run_id = run.id) AS files
    FROM run LEFT JOIN endpoint_stat AS total ON total.run_id = run.id AND total.position = -1
    ORDER BY run.started_at NULLS FIRST, run.name, run.id
    """

  package static let trend = """
    SELECT run.id, run.started_at, total.requests, total.failures, total.requests_per_second,
           total.percentiles
    FROM run JOIN endpoint_stat AS total ON total.run_id = run.id AND total.position = -1
    WHERE run.name = ?
    ORDER BY run.started_at NULLS FIRST, run.id
    """

  package static let runByID = "SELECT * FROM run WHERE id = ?"
  package static let runExists = "SELECT COUNT(*) FROM run WHERE id = ?"
  package static let requestMarksCount = "SELECT COUNT(*) FROM request_marks WHERE run_id = ?"
  package static let resourceFileList =
    "SELECT sha256, ingested_at FROM resource_file ORDER BY ingested_at, path, sha256"
  package static let resourceFileExists = "SELECT COUNT(*) FROM resource_file WHERE sha256 = ?"
  package static let resourceFile =
    "SELECT path, kind, bytes, diagnostics FROM resource_file WHERE sha256 = ?"
  package static let resourceSeries = "SELECT * FROM resource_series WHERE file_sha256 = ? ORDER BY position"

  package static func storedRun(_ row: Row) -> StoredRun {
    StoredRun(
      id: row["id"], name: row["name"], tool: row["tool"],
      startedAt: (row["started_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
      ingestedAt: Date(timeIntervalSince1970: row["ingested_at"]),
      requests: row["requests"], failures: row["failures"], files: row["files"])
  }

  package static func trendPoint(_ row: Row) -> TrendPoint {
    let json: String = row["percentiles"]
    let percentiles = (try? JSONDecoder().decode([PercentileValue].self, from: Data(json.utf8))) ?? []
    return TrendPoint(
      runID: row["id"],
      startedAt: (row["started_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
      requests: row["requests"], failures: row["failures"],
      requestsPerSecond: row["requests_per_second"],
      p95Ms: TrendPoint.p95(of: percentiles))
  }

  package static func storedResourceFile(_ row: Row) -> StoredResourceFile {
    StoredResourceFile(sha256: row["sha256"], ingestedAt: Date(timeIntervalSince1970: row["ingested_at"]))
  }

  /// A resource file from its `resource_file` row and its `resource_series` rows.
  package static func resourceFile(sha256: String, file row: Row, series: [Row]) throws -> ResourceFile {
    let source = SourceFile(path: row["path"], role: row["kind"], sha256: sha256, bytes: row["bytes"])
    let diagnostics = try StoreError.reading("resource_file") {
      try JSONDecoder().decode([Diagnostic].self, from: Data((row["diagnostics"] as String).utf8))
    }
    let series = try series.map { row in
      let pairs = try StoreError.reading("resource_series") {
        try JSONDecoder().decode([[Double]].self, from: Data((row["points"] as String).utf8))
      }
      return ResourceSeries(
        entity: row["entity"], instance: row["instance"], isNode: row["is_node"],
        metric: ResourceMetric(rawValue: row["metric"]) ?? .cpu,
        unit: ResourceSeries.Unit(rawValue: row["unit"]) ?? .millicores, host: row["host"],
        hostCPUs: row["host_cpus"], source: source,
        points: pairs.compactMap { $0.count == 2 ? ResourcePoint(time: $0[0], value: $0[1]) : nil })
    }
    return ResourceFile(source: source, series: series, diagnostics: diagnostics)
  }

  /// The `resource_file` row and the `resource_series` rows of `file`, in insertion order.
  package static func resourceRows(of file: ResourceFile, ingestedAt: Date) throws -> [TableRows] {
    let diagnostics = String(decoding: try JSONEncoder().encode(file.diagnostics), as: UTF8.self)
    let fileRow = TableRows(
      table: "resource_file", columns: ["sha256", "path", "kind", "bytes", "diagnostics", "ingested_at"],
      values: [
        [
          file.source.sha256.databaseValue, file.source.path.databaseValue, file.source.role.databaseValue,
          file.source.bytes.databaseValue, diagnostics.databaseValue,
          ingestedAt.timeIntervalSince1970.databaseValue,
        ]
      ])
    let series = TableRows(
      table: "resource_series",
      columns: [
        "file_sha256", "position", "entity", "instance", "is_node", "metric", "unit", "host", "host_cpus",
        "points",
      ],
      values: try file.series.enumerated().map { position, series in
        let points = String(
          decoding: try JSONEncoder().encode(series.points.map { [$0.time, $0.value] }), as: UTF8.self)
        return [
          file.source.sha256.databaseValue, position.databaseValue, series.entity.databaseValue,
          series.instance.databaseValue, series.isNode.databaseValue, series.metric.rawValue.databaseValue,
          series.unit.rawValue.databaseValue, series.host.databaseValue, series.hostCPUs.databaseValue,
          points.databaseValue,
        ]
      })
    return [fileRow, series]
  }
}
