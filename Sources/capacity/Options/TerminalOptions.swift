import ArgumentParser
import CapacityKit

/// How much a command says on the terminal and whether in colour.
struct TerminalOptions: ParsableArguments {
  @Flag(name: .shortAndLong, help: "Print no progress line and no summary; warnings and errors still show.")
  var quiet = false

  @Flag(name: .shortAndLong, help: "Add the time each phase took (parsing, storing, analysing, rendering).")
  var verbose = false

  @Option(
    help: ArgumentHelp(
      "Colour: auto (on a terminal, unless NO_COLOR is set to a non-empty value or TERM=dumb), always or never.",
      valueName: "when"))
  var color: ColorMode = .auto

  func validate() throws {
    if quiet, verbose { throw ValidationError("give either '--quiet' or '--verbose', not both") }
  }

  /// Makes these settings the process's: `Console` and the progress line read them. Call first
  /// in `run()`, with `defer { terminal.finish() }`.
  func apply() {
    Terminal.settings.withLock { $0 = Terminal.Settings(color: color, quiet: quiet, verbose: verbose) }
  }

  /// Erases the progress line and, with `-v`, prints the time per phase on stderr.
  func finish() {
    ProgressBar.shared.clear()
    if verbose { Console.standardError.write(ProgressBar.shared.timingLine() + "\n") }
  }

  /// Marks the start of a phase the executable runs itself (analysing, rendering).
  func phase(_ phase: IngestPhase, _ subject: String) { ProgressBar.shared.phase(phase, subject: subject) }

  /// Prints `text` on stdout unless `-q`.
  func say(_ text: String) {
    if !quiet { print(text, terminator: "") }
  }
}

enum ColorMode: String, ExpressibleByArgument, CaseIterable, Sendable { case auto, always, never }
