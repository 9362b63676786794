import Dispatch
import Synchronization

extension PrometheusFetcher {
  /// `fetch` for synchronous callers. The commands are synchronous `ParsableCommand`s over a
  /// synchronous store (GRDB), and this is their one network step: rather than turning `analyze`,
  /// `ingest` and the workflow async for it, the fetch runs as a task on the global executor while
  /// the calling thread waits. The caller must not be a concurrency-pool thread (the CLI's main
  /// thread and a test's are not), hence `noasync`: async code calls `fetch` itself.
  @available(*, noasync, message: "await fetch(_:) instead")
  public func fetchBlocking(_ windows: [QueryWindow]) throws(PrometheusError) -> PrometheusFetch {
    let slot = ResultSlot()
    let done = DispatchSemaphore(value: 0)
    let fetcher = self
    Task {
      let result: Result<PrometheusFetch, PrometheusError>
      do throws(PrometheusError) {
        result = .success(try await fetcher.fetch(windows))
      } catch {
        result = .failure(error)
      }
      slot.value.withLock { $0 = result }
      done.signal()
    }
    done.wait()
    guard let result = slot.value.withLock({ $0 }) else {
      throw .unreachable(url: endpoint.shown, attempts: 0, reason: "the fetch ended without an answer")
    }
    return try result.get()
  }
}

/// Hands the task's result to the waiting thread.
private final class ResultSlot: Sendable {
  let value = Mutex<Result<PrometheusFetch, PrometheusError>?>(nil)
}
