import CapacityModel
import CapacityStore
import Foundation

/// Finds the run a command-line argument means: files or a directory holding exactly one run
/// (ingested on the way), or a stored run's id, id prefix or name.
public struct RunLocator: Sendable {
  public let store: any RunHistory

  public init(store: any RunHistory) {
    self.store = store
  }

  public func run(for argument: String, now: Date) throws -> Run {
    guard FileManager.default.fileExists(atPath: argument) else {
      return try store.run(id: try store.resolve(argument))
    }
    let runs = try RunIngestor(store: store).ingest([argument], now: now).runs
    guard runs.count == 1, let run = runs.first else {
      throw WorkflowError.notOneRun(argument, names: runs.map(\.name))
    }
    return run
  }
}
