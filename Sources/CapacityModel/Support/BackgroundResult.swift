import Dispatch
import Synchronization

/// A value worked out on another core from the moment it is created, for the caller to collect
/// (waiting if need be) when it needs it: start-up work that would otherwise hold up the first
/// serial steps.
package final class BackgroundResult<Value: Sendable, Failure: Error>: Sendable {
  private let done = DispatchGroup()
  private let result = Mutex<Result<Value, Failure>?>(nil)

  package init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
    done.enter()
    DispatchQueue.global().async { [self] in
      let outcome = Result { () throws(Failure) -> Value in try work() }
      result.withLock { $0 = outcome }
      done.leave()
    }
  }

  /// The value, or the error the work threw, once it is done.
  package func value() throws(Failure) -> Value {
    done.wait()
    return try result.withLock { $0! }.get()
  }
}
