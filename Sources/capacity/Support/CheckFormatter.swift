import CapacityKit

/// `capacity check` output: one row per objective per run, then a one-line verdict.
struct CheckFormatter {
  let console: Console

  func table(_ results: [SLOResult]) -> String {
    guard !results.isEmpty else { return "no runs to check\n" }
    let runWidth = max(3, results.map(\.runName.count).max() ?? 0) + 2
    let objectiveWidth = max(9, results.map(\.objective.description.count).max() ?? 0) + 2
    var lines = [
      RunListFormatter.pad("RUN", runWidth) + RunListFormatter.pad("OBJECTIVE", objectiveWidth)
        + "RESULT  DETAIL"
    ]
    for result in results {
      let verdict = result.passed ? console.paint("PASS", .green) : console.paint("FAIL", .red)
      lines.append(
        RunListFormatter.pad(result.runName, runWidth)
          + RunListFormatter.pad(result.objective.description, objectiveWidth) + verdict + "    "
          + result.detail)
    }
    let failed = results.filter { !$0.passed }.count
    lines.append(
      failed == 0
        ? "\(results.count) objective checks passed"
        : "\(failed) of \(results.count) objective checks failed")
    return lines.joined(separator: "\n") + "\n"
  }
}
