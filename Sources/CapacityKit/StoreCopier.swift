import CapacityModel
import CapacityStore
import Foundation

/// Copies a run history into another store (SQLite ↔ PostgreSQL, or between two of a kind),
/// keeping run ids, ingest times and resource files. Rerunning it copies only what is missing:
/// each run and resource file is written in its own transaction, and one already there is left alone.
public struct StoreCopier: Sendable {
  public struct Outcome: Sendable, Equatable {
    public var runsCopied = 0
    public var runsAlreadyThere = 0
    public var resourceFilesCopied = 0
    public var resourceFilesAlreadyThere = 0
  }

  public let source: any RunHistory
  public let destination: any RunHistory

  public init(from source: any RunHistory, to destination: any RunHistory) {
    self.source = source
    self.destination = destination
  }

  /// - Parameter progress: told each run's name as it is copied.
  public func copy(progress: (StoredRun) -> Void = { _ in }) throws(StoreError) -> Outcome {
    var outcome = Outcome()
    let present = Set(try destination.listRuns().map(\.id))
    for stored in try source.listRuns() {
      progress(stored)
      if !present.contains(stored.id),
        try destination.insert(try source.run(id: stored.id), ingestedAt: stored.ingestedAt)
      {
        outcome.runsCopied += 1
      } else {
        outcome.runsAlreadyThere += 1
      }
    }
    let presentFiles = Set(try destination.resourceFileList().map(\.sha256))
    for stored in try source.resourceFileList() {
      if !presentFiles.contains(stored.sha256), let file = try source.resourceFile(sha256: stored.sha256),
        try destination.insert(file, ingestedAt: stored.ingestedAt)
      {
        outcome.resourceFilesCopied += 1
      } else {
        outcome.resourceFilesAlreadyThere += 1
      }
    }
    return outcome
  }
}
