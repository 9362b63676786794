import CapacityModel
import CapacityStore
import Dispatch
import Foundation
import Synchronization

/// New runs written to the store on another thread while the caller goes on with them: each in
/// its own transaction, as `RunHistory.insert` writes it, so an interrupted write leaves no part
/// of a run behind.
final class StoreWrite: Sendable {
  private let store: any RunHistory
  private let runs: [Run]
  private let ingestedAt: Date
  private let finished = DispatchGroup()
  private let failure = Mutex<(any Error)?>(nil)

  init(store: any RunHistory, runs: [Run], ingestedAt: Date) {
    self.store = store
    self.runs = runs
    self.ingestedAt = ingestedAt
    finished.enter()
  }

  /// Writes the runs; call once.
  @Sendable func run() {
    defer { finished.leave() }
    do {
      for run in runs { try store.insert(run, ingestedAt: ingestedAt) }
      // While the analysis runs, not when the store closes after the report is written.
      if !runs.isEmpty { store.checkpoint() }
    } catch {
      failure.withLock { $0 = error }
    }
  }

  /// Waits for `run` to finish and throws its error, if any.
  func wait() throws {
    finished.wait()
    if let error = failure.withLock({ $0 }) { throw error }
  }
}
