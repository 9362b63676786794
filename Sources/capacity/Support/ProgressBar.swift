import CapacityKit
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The progress line on stderr and the phase clock behind `-v`.
///
/// The line shows only on a terminal, without `-q`, once the command has run for a second; it is
/// redrawn in place (carriage return, erase to the end of the line) at most ten times a second,
/// fitted to the terminal's width at each redraw, and erased when the command is done, so nothing
/// is left behind. The phase clock runs everywhere, for `-v`'s timings.
final class ProgressBar: IngestProgress {
  private struct State {
    var line: ProgressLine?
    var fileStarted: [String: (time: Double, bytes: Int)] = [:]
    var lastDraw = 0.0
    var drawn = false
    var phase: (phase: IngestPhase, since: Double)?
    var spent: [IngestPhase: Double] = [:]
  }

  private let state = Mutex(State())
  private let started: Double
  /// Draw on stderr (a terminal and not `-q`); else only keep time.
  let draws: Bool
  private let columns: @Sendable () -> Int

  /// Seconds the command runs before the line shows (`CAPACITY_PROGRESS_DELAY`, for tests).
  let delay: Double

  init(
    draws: Bool, delay: Double = 1,
    columns: @escaping @Sendable () -> Int = { Terminal.columns(STDERR_FILENO) }
  ) {
    self.draws = draws
    self.delay = delay
    self.columns = columns
    started = Self.now()
  }

  /// The process's progress: drawn when stderr is a terminal and `-q` is not given.
  static let shared = ProgressBar(
    draws: Terminal.isInteractive(STDERR_FILENO) && !Terminal.current.quiet,
    delay: ProcessInfo.processInfo.environment["CAPACITY_PROGRESS_DELAY"].flatMap(Double.init) ?? 1)

  /// The ingest's progress sink (kept as the name the ingest options use).
  static var forStandardError: ProgressBar? { shared }

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  func phase(_ phase: IngestPhase, subject: String) {
    let now = Self.now()
    let text: String? = state.withLock { state in
      if let current = state.phase { state.spent[current.phase, default: 0] += now - current.since }
      state.phase = (phase, now)
      state.line = ProgressLine(phase: phase, subject: subject)
      return draw(&state, now: now, force: true)
    }
    emit(text)
  }

  func update(file: String, doneBytes: Int, totalBytes: Int) {
    let now = Self.now()
    let text: String? = state.withLock { state in
      let start = state.fileStarted[file] ?? (now, doneBytes)
      state.fileStarted[file] = start
      let elapsed = now - start.time
      var line = state.line ?? ProgressLine(phase: .parsing, subject: file)
      line.subject = file
      line.done = doneBytes
      line.total = totalBytes
      line.bytesPerSecond = elapsed >= 0.5 ? Double(doneBytes - start.bytes) / elapsed : nil
      state.line = line
      return draw(&state, now: now, force: false)
    }
    emit(text)
  }

  func finish(file: String) {
    state.withLock { state in
      state.fileStarted[file] = nil
      state.line?.done = nil
      state.line?.total = nil
      state.line?.bytesPerSecond = nil
    }
  }

  /// Erases the line, if one is drawn; call once the command's work is done.
  func clear() {
    let erase = state.withLock { state -> Bool in
      defer { state.drawn = false }
      return state.drawn
    }
    if erase { emit("\r\u{1B}[K") }
  }

  /// Seconds spent per phase so far, in the order the phases ran, and the total since start.
  func timings() -> (phases: [(IngestPhase, Double)], total: Double) {
    let now = Self.now()
    return state.withLock { state in
      var spent = state.spent
      if let current = state.phase { spent[current.phase, default: 0] += now - current.since }
      return (IngestPhase.allCases.compactMap { phase in spent[phase].map { (phase, $0) } }, now - started)
    }
  }

  /// `timing: parsing 1.20 s, storing 0.05 s, …, total 1.31 s`.
  func timingLine() -> String {
    let (phases, total) = timings()
    let parts = phases.map { "\($0.0.rawValue) \(NumberFormat.decimal($0.1, places: 2)) s" }
    return "timing: "
      + (parts + ["total \(NumberFormat.decimal(total, places: 2)) s"]).joined(separator: ", ")
  }

  private func draw(_ state: inout State, now: Double, force: Bool) -> String? {
    guard draws, let line = state.line, now - started >= delay else { return nil }
    guard force || now - state.lastDraw >= 0.1 else { return nil }
    state.lastDraw = now
    state.drawn = true
    return "\r" + line.render(columns: columns()) + "\u{1B}[K"
  }

  private func emit(_ text: String?) {
    if let text { FileHandle.standardError.write(Data(text.utf8)) }
  }
}
