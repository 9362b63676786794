import Synchronization

/// Receives progress while a large input is parsed (the command line draws a bar on a TTY).
/// Called from parser threads, at most every few megabytes.
public protocol IngestProgress: Sendable {
  func update(file: String, doneBytes: Int, totalBytes: Int)
  func finish(file: String)
  /// The work moved on to `phase`; `subject` names the file or what is worked on.
  func phase(_ phase: IngestPhase, subject: String)
}

extension IngestProgress {
  public func phase(_ phase: IngestPhase, subject: String) {}
}

/// What a command is busy with, for the progress line and `-v`'s timings. `hashing` is the wait
/// for the rest of an input's SHA-256 once it is parsed and summarised (it runs on its own core).
public enum IngestPhase: String, Sendable, CaseIterable {
  case parsing, percentiles, hashing, storing, analysing, rendering
}

/// Sums the bytes done by the parallel parts of one file and forwards the total; gives the
/// pages a part has finished with back to the kernel, so a mapped file's pages do not pile up in
/// the resident set.
package final class ProgressCounter: Sendable {
  package let file: String
  package let totalBytes: Int
  package let sink: (any IngestProgress)?
  package let mapping: MappedFile?
  private let done = Atomic<Int>(0)

  package init(file: String, totalBytes: Int, sink: (any IngestProgress)?, mapping: MappedFile? = nil) {
    self.file = file
    self.totalBytes = totalBytes
    self.sink = sink
    self.mapping = mapping
  }

  /// A part has consumed the bytes `from..<to` (offsets in the file).
  package func consumed(from: Int, to: Int) {
    mapping?.releasePages(from: from, to: to)
    advance(by: to - from)
  }

  /// Every parser calls this about every `stride` bytes it has consumed.
  package static let stride = 8 << 20

  package func advance(by bytes: Int) {
    guard let sink else { return }
    let now = done.add(bytes, ordering: .relaxed).newValue
    sink.update(file: file, doneBytes: min(now, totalBytes), totalBytes: totalBytes)
  }

  package func finish() { sink?.finish(file: file) }
}

/// Reports a byte parser's progress every `ProgressCounter.stride` bytes: the one place that
/// remembers how far was last reported.
package struct ProgressTicker {
  package let counter: ProgressCounter?
  package let base: UnsafePointer<UInt8>
  private var reported: UnsafePointer<UInt8>

  package init(_ counter: ProgressCounter?, base: UnsafePointer<UInt8>, from start: UnsafePointer<UInt8>) {
    self.counter = counter
    self.base = base
    reported = start
  }

  @inline(__always)
  package mutating func advance(to position: UnsafePointer<UInt8>) {
    guard let counter, position - reported >= ProgressCounter.stride else { return }
    counter.consumed(from: reported - base, to: position - base)
    reported = position
  }

  package func finish(at position: UnsafePointer<UInt8>) {
    counter?.consumed(from: reported - base, to: position - base)
  }
}
