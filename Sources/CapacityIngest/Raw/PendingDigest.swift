import Dispatch
import Synchronization

/// The SHA-256 of a mapped file, worked out on whichever thread gets to it first: the parse's side
/// task (`run`), or the first `wait()` when no side task took it. A k6 CSV hashes for longer than
/// it parses, so the run is summarised while the hash goes on, and waited for only when its id is
/// needed. The file stays mapped until the hash is done (the task holds it).
final class PendingDigest: Sendable {
  private enum State {
    case idle
    case running
    case done(String)
  }

  private let mapping: MappedFile
  private let state = Mutex(State.idle)
  private let finished = DispatchSemaphore(value: 0)

  init(_ mapping: MappedFile) { self.mapping = mapping }

  /// Hashes the file unless another thread has started to.
  func run() {
    let claimed = state.withLock { state in
      guard case .idle = state else { return false }
      state = .running
      return true
    }
    guard claimed else { return }
    let digest = mapping.sha256()
    state.withLock { $0 = .done(digest) }
    finished.signal()
  }

  /// The digest: hashed here if no thread has started, else waited for.
  func wait() -> String {
    run()
    while true {
      if case .done(let digest) = state.withLock({ $0 }) { return digest }
      finished.wait()
      // Let any other waiter through too.
      finished.signal()
    }
  }
}
