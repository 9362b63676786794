import CapacityModel
import Foundation
import GRDB

/// Resource series in the store: kept per file (keyed by the file's SHA-256), independent of runs,
/// and matched to runs by time overlap when a report is built.
extension RunStore {
  /// Stores a resource file's series unless the same bytes were stored before; returns whether it was new.
  @discardableResult
  public func insert(_ file: ResourceFile, ingestedAt: Date) throws(StoreError) -> Bool {
    do {
      return try writer.write { db in
        let exists =
          try Bool.fetchOne(
            db, sql: "SELECT EXISTS(SELECT 1 FROM resource_file WHERE sha256 = ?)",
            arguments: [file.source.sha256]) ?? false
        if exists { return false }
        let diagnostics = String(decoding: try JSONEncoder().encode(file.diagnostics), as: UTF8.self)
        try db.execute(
          sql:
            "INSERT INTO resource_file (sha256, path, kind, bytes, diagnostics, ingested_at) VALUES (?, ?, ?, ?, ?, ?)",
          arguments: [
            file.source.sha256, file.source.path, file.source.role, file.source.bytes, diagnostics,
            ingestedAt.timeIntervalSince1970,
          ])
        for (position, series) in file.series.enumerated() {
          let points = series.points.map { [$0.time, $0.value] }
          try db.execute(
            sql: """
              INSERT INTO resource_series (file_sha256, position, entity, instance, is_node, metric, unit, host,
                host_cpus, points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """,
            arguments: [
              file.source.sha256, position, series.entity, series.instance, series.isNode,
              series.metric.rawValue, series.unit.rawValue, series.host, series.hostCPUs,
              String(decoding: try JSONEncoder().encode(points), as: UTF8.self),
            ])
        }
        return true
      }
    } catch {
      throw StoreError(error)
    }
  }

  /// Every stored resource file with samples inside `span` (Unix seconds), oldest first: the
  /// measured view of runs re-rendered from the store.
  public func resourceFiles(overlapping span: ClosedRange<Double>) throws(StoreError) -> [ResourceFile] {
    let hashes: [String]
    do {
      hashes = try writer.read { db in
        try String.fetchAll(db, sql: "SELECT sha256 FROM resource_file ORDER BY ingested_at, path, sha256")
      }
    } catch {
      throw StoreError(error)
    }
    var files: [ResourceFile] = []
    for hash in hashes {
      guard let file = try resourceFile(sha256: hash) else { continue }
      if file.series.contains(where: { $0.span.map { $0.overlaps(span) } ?? false }) { files.append(file) }
    }
    return files
  }

  /// Loads a stored resource file back by its SHA-256; `nil` when it is not stored.
  public func resourceFile(sha256: String) throws(StoreError) -> ResourceFile? {
    do {
      return try writer.read { db in
        guard
          let row = try Row.fetchOne(
            db, sql: "SELECT path, kind, bytes, diagnostics FROM resource_file WHERE sha256 = ?",
            arguments: [sha256])
        else { return nil }
        let source = SourceFile(path: row["path"], role: row["kind"], sha256: sha256, bytes: row["bytes"])
        let diagnostics = try StoreError.reading("resource_file") {
          try JSONDecoder().decode([Diagnostic].self, from: Data((row["diagnostics"] as String).utf8))
        }
        let series = try Row.fetchAll(
          db, sql: "SELECT * FROM resource_series WHERE file_sha256 = ? ORDER BY position",
          arguments: [sha256]
        ).map { row in
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
    } catch {
      throw StoreError(error)
    }
  }
}
