import CapacityKit
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A one-line progress bar on stderr for inputs that take more than a second to read. Only on a
/// terminal; redrawn at most ten times a second; erased when the file is done.
final class ProgressBar: IngestProgress {
  private struct State {
    var started: [String: Double] = [:]
    var lastDraw = 0.0
    var drawn = false
  }

  private let state = Mutex(State())

  /// A bar when stderr is a terminal, else `nil` (no output at all).
  static var forStandardError: ProgressBar? {
    isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" ? ProgressBar() : nil
  }

  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  func update(file: String, doneBytes: Int, totalBytes: Int) {
    let now = Self.now()
    let line: String? = state.withLock { state in
      let started = state.started[file] ?? now
      state.started[file] = started
      guard now - started >= 1, now - state.lastDraw >= 0.1 else { return nil }
      state.lastDraw = now
      state.drawn = true
      let fraction = totalBytes > 0 ? Double(doneBytes) / Double(totalBytes) : 1
      let width = 30
      let filled = min(width, Int(fraction * Double(width)))
      let name = URL(fileURLWithPath: file).lastPathComponent
      return "\r\(name) [" + String(repeating: "#", count: filled)
        + String(repeating: " ", count: width - filled) + "] "
        + "\(Int(fraction * 100)) % of \(totalBytes / 1_000_000) MB"
    }
    if let line { FileHandle.standardError.write(Data(line.utf8)) }
  }

  func finish(file: String) {
    let erase = state.withLock { state -> Bool in
      state.started[file] = nil
      defer { state.drawn = false }
      return state.drawn
    }
    if erase { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}
