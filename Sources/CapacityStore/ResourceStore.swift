import CapacityModel
import Foundation
import GRDB

/// Resource series in the store: kept per file (keyed by the file's SHA-256), independent of runs,
/// and matched to runs by time overlap when a report is built.
extension RunStore {
  @discardableResult
  public func insert(_ file: ResourceFile, ingestedAt: Date) throws(StoreError) -> Bool {
    do {
      return try writer.write { db in
        let stored = try Int.fetchOne(
          db, sql: HistoryQueries.resourceFileExists, arguments: [file.source.sha256])
        if stored ?? 0 > 0 { return false }
        for table in try HistoryQueries.resourceRows(of: file, ingestedAt: ingestedAt) {
          try table.insert(db)
        }
        return true
      }
    } catch {
      throw StoreError(error)
    }
  }

  public func resourceFileList() throws(StoreError) -> [StoredResourceFile] {
    try fetch(HistoryQueries.resourceFileList).map(HistoryQueries.storedResourceFile)
  }

  public func resourceFile(sha256: String) throws(StoreError) -> ResourceFile? {
    do {
      return try writer.read { db in
        guard let row = try Row.fetchOne(db, sql: HistoryQueries.resourceFile, arguments: [sha256]) else {
          return nil
        }
        let series = try Row.fetchAll(db, sql: HistoryQueries.resourceSeries, arguments: [sha256])
        return try HistoryQueries.resourceFile(sha256: sha256, file: row, series: series)
      }
    } catch {
      throw StoreError(error)
    }
  }
}
