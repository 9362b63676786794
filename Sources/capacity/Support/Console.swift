import CapacityKit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A terminal stream that knows whether it may use colour (`Terminal.usesColor`: `--color`, else
/// only on a TTY, never with a non-empty `NO_COLOR` or `TERM=dumb`).
struct Console {
  let descriptor: Int32
  let colored: Bool

  init(descriptor: Int32) {
    self.descriptor = descriptor
    colored = Terminal.usesColor(descriptor)
  }

  static var standardOutput: Console { Console(descriptor: STDOUT_FILENO) }
  static var standardError: Console { Console(descriptor: STDERR_FILENO) }

  enum Color: String {
    case red = "31"
    case green = "32"
    case yellow = "33"
    case bold = "1"
    case dim = "2"
  }

  func paint(_ text: String, _ color: Color) -> String {
    colored ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
  }

  /// A verdict in its severity's colour (`Severity(verdict:)`, as the report's badges).
  func paint(verdict: String) -> String {
    switch Severity(verdict: verdict) {
    case .good: paint(verdict, .green)
    case .warn: paint(verdict, .yellow)
    case .bad, .none: paint(verdict, .red)
    }
  }

  func write(_ text: String) {
    FileHandle(fileDescriptor: descriptor).write(Data(text.utf8))
  }

  /// `wrote PATH` for each file written, on stderr with the diagnostics (stdout is for data);
  /// nothing with `-q`.
  func wrote(_ files: [String]) {
    guard !Terminal.current.quiet, !files.isEmpty else { return }
    write(files.map { paint("wrote \($0)", .dim) + "\n" }.joined())
  }

  /// Diagnostics of an ingest: skipped files and input warnings, each on its own line.
  func report(_ outcome: RunIngestor.Outcome) {
    var lines: [String] = []
    if outcome.skipped.count <= 5 {
      for path in outcome.skipped { lines.append("\(path): note: skipped, not a supported input") }
    } else {
      lines.append(
        "note: skipped \(outcome.skipped.count) files that match no supported input (listed in the "
          + "report), e.g. " + outcome.skipped.prefix(3).joined(separator: ", "))
    }
    for run in outcome.runs {
      for diagnostic in run.diagnostics.prefix(20) { lines.append(paint(diagnostic.description, .yellow)) }
      if run.diagnostics.count > 20 {
        lines.append("\(run.name): \(run.diagnostics.count - 20) more warnings (see the report)")
      }
    }
    if !outcome.alreadyStored.isEmpty {
      lines.append("already stored, reused: \(outcome.alreadyStored.joined(separator: ", "))")
    }
    if !lines.isEmpty { write(lines.joined(separator: "\n") + "\n") }
  }
}
