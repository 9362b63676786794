import ArgumentParser
import CapacityKit
import Foundation

/// GitHub Actions' job summary: `--github-summary` appends the command's Markdown summary to the
/// file `$GITHUB_STEP_SUMMARY` names (nothing when it is unset, as outside Actions).
struct SummaryOptions: ParsableArguments {
  @Flag(
    help: "Append a Markdown summary to $GITHUB_STEP_SUMMARY (GitHub Actions' job summary) when it is set.")
  var githubSummary = false

  func append(_ markdown: @autoclosure () -> String) throws {
    guard githubSummary else { return }
    try Self.appendToStepSummary(markdown())
  }

  /// Appends to `$GITHUB_STEP_SUMMARY` when the variable is set and not empty.
  static func appendToStepSummary(
    _ markdown: String, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws {
    guard let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
    try JobSummary.append(markdown, to: path)
  }
}
