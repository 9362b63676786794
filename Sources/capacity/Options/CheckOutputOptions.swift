import ArgumentParser
import CapacityKit
import Foundation

/// What `capacity check` writes, several at once: the text table, JUnit XML, GitHub annotations
/// and job summary, GitLab's metrics report (with the JUnit), JSON.
struct CheckOutputOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Output: text, junit, github, gitlab or json; repeat or separate with commas (text,github).",
      valueName: "format"),
    completion: .list(CheckFormat.allCases.map(\.rawValue)), transform: CheckOutputOptions.formats)
  var format: [[CheckFormat]] = []

  @Flag(help: "Same as --format github: ::error annotations and, in Actions, the job summary.")
  var github = false

  @Flag(help: "Same as --format gitlab: the metrics report and JUnit XML files.")
  var gitlab = false

  @Option(
    help: ArgumentHelp(
      "Write JUnit XML (one testcase per objective per run) here (with gitlab: default junit.xml).",
      valueName: "file"), completion: .file(extensions: ["xml"]))
  var junit: String?

  @Option(
    help: ArgumentHelp("GitLab metrics report to write with gitlab.", valueName: "file"),
    completion: .file(extensions: ["txt"]))
  var metrics = "metrics.txt"

  enum CheckFormat: String, CaseIterable, ExpressibleByArgument { case text, junit, github, gitlab, json }

  static func formats(_ text: String) throws -> [CheckFormat] {
    try text.split(separator: ",").map { name in
      guard let format = CheckFormat(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
        throw ValidationError(
          "'--format \(text)': expected \(CheckFormat.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      return format
    }
  }

  /// The formats asked for; `text` when none is.
  var selected: Set<CheckFormat> {
    var selected = Set(format.joined())
    if github { selected.insert(.github) }
    if gitlab { selected.insert(.gitlab) }
    return selected.isEmpty ? [.text] : selected
  }

  func validate() throws {
    if selected.isSuperset(of: [.json, .junit]) {
      throw ValidationError(
        "'--format json' and '--format junit' both print on stdout: write JUnit with '--junit FILE'")
    }
  }

  /// Writes every output asked for. stdout carries one document: JSON, or JUnit (`--format junit`
  /// without a file), or else the text table; GitHub's annotations go there too, except beside a
  /// JSON or JUnit document, where they go to stderr (the runner reads commands on both).
  func emit(_ outcome: CheckOutcome, quiet: Bool) throws {
    let formats = selected
    let durations = outcome.durations
    let junitFile = junit ?? (formats.contains(.gitlab) ? "junit.xml" : nil)
    var written: [String] = []
    if let junitFile {
      try JUnitWriter().write(outcome.results, durations: durations, to: junitFile)
      written.append(junitFile)
    }
    if formats.contains(.gitlab) {
      do {
        try GitLabMetrics().text(outcome).write(toFile: metrics, atomically: true, encoding: .utf8)
      } catch {
        throw ReportError.unwritable(path: metrics)
      }
      written.append(metrics)
    }
    let document: String? =
      formats.contains(.json)
      ? ReportRenderer.json(CheckDocument(outcome))
      : formats.contains(.junit) && junit == nil
        ? try JUnitWriter().xml(outcome.results, durations: durations) : nil
    if let document { print(document, terminator: "") }
    if formats.contains(.github) {
      let annotations = GitHubAnnotations().text(outcome)
      if document == nil {
        print(annotations, terminator: "")
      } else {
        Console.standardError.write(annotations)
      }
      try SummaryOptions.appendToStepSummary(JobSummary.check(outcome))
    }
    // `-q` leaves the table out unless `--format text` asks for it by name.
    if document == nil, !quiet || format.joined().contains(.text) {
      print(CheckFormatter(console: .standardOutput).table(outcome.results), terminator: "")
    }
    Console.standardError.wrote(written)
  }
}
