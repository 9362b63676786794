import CapacityAnalysis
import CapacityModel
import CapacityPlanning
import Foundation

/// Short Markdown for a CI job's summary page (GitHub's `$GITHUB_STEP_SUMMARY`): the answer or
/// verdict first, a table, then what failed. Every string from an input file is escaped as in
/// report.md, so a label cannot break the table or inject markup.
public enum JobSummary {
  /// `capacity check`: the verdict, one row per run, the failed objectives.
  public static func check(_ outcome: CheckOutcome) -> String {
    var lines = [
      "### capacity check", "", "**\(outcome.passed ? "PASS" : "FAIL"): \(outcome.verdictLine)**", "",
      "| Run | Validity | Requests | req/s | p95 | Errors | Objectives met |",
      "|---|---|---:|---:|---:|---:|---:|",
    ]
    for analysis in outcome.analyses {
      let results = outcome.results.filter { $0.runID == analysis.run.id }
      lines.append(
        row([
          escape(analysis.run.name), analysis.validity.verdict.rawValue,
          analysis.requests.map(NumberFormat.grouped) ?? "–",
          NumberFormat.grouped(analysis.requestsPerSecond, places: 1),
          NumberFormat.milliseconds(analysis.latency.p95), NumberFormat.percent(analysis.errorRate),
          "\(results.filter(\.passed).count) of \(results.count)",
        ]))
    }
    if !outcome.failed.isEmpty {
      lines += ["", "Failed objectives:", ""]
      lines += outcome.failed.map { "- \(escape($0.runName)): \(escape($0.detail))" }
    }
    return lines.joined(separator: "\n") + "\n\n"
  }

  /// `capacity analyze` / `report`: the answer, the profile verdicts, each run's verdict.
  public static func report(_ document: ReportDocument, analyses: [RunAnalysis] = []) -> String {
    let rps = exactRPS(analyses)
    var lines = [
      "### capacity analyze", "", "**\(escape(document.answer))**", "",
      "| Profile | Capacity | CPU requests | Memory requests | Verdict |", "|---|---|---:|---:|---|",
    ]
    for profile in document.profiles {
      lines.append(
        row([
          escape(profile.name),
          "\(Quantities.cpu(profile.cpuMillicores)) CPU, \(Quantities.memory(profile.memoryBytes))",
          profile.cpuRequestsPct.map { NumberFormat.decimal($0, places: 1) + " %" } ?? "–",
          profile.memoryRequestsPct.map { NumberFormat.decimal($0, places: 1) + " %" } ?? "–",
          // The profile table's one verdict (every view), the same the answer names.
          (profile.combinedVerdict ?? profile.verdict).map { "**\($0)**" } ?? "–",
        ]))
    }
    lines += ["", "| Run | Requests | req/s | p95 | Errors | Validity |", "|---|---:|---:|---:|---:|---|"]
    for run in document.runs {
      lines.append(
        row([
          escape(run.name), run.requests.map(NumberFormat.grouped) ?? "–",
          NumberFormat.grouped(rps[run.id] ?? run.rps, places: 1),
          NumberFormat.milliseconds(run.latencyMs.p95),
          NumberFormat.percent(run.errorRate), run.validity.verdict,
        ]))
    }
    return lines.joined(separator: "\n") + "\n\n"
  }

  /// Appends `markdown` to the file at `path` (created when missing), as GitHub expects of
  /// `$GITHUB_STEP_SUMMARY`: several steps and commands add to one page.
  public static func append(_ markdown: String, to path: String) throws(ReportError) {
    if !FileManager.default.fileExists(atPath: path) {
      guard FileManager.default.createFile(atPath: path, contents: nil) else {
        throw .unwritable(path: path)
      }
    }
    guard let handle = FileHandle(forWritingAtPath: path) else { throw .unwritable(path: path) }
    defer { try? handle.close() }
    do {
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(markdown.utf8))
    } catch {
      throw .unwritable(path: path)
    }
  }

  /// Each run's measured req/s by id: terminal and summary figures are rounded once from these,
  /// not again from report.json's two-place values (3233.049 → 3233.05 → "3233.1" vs "3233.0").
  public static func exactRPS(_ analyses: [RunAnalysis]) -> [String: Double] {
    Dictionary(analyses.map { ($0.run.id, $0.requestsPerSecond) }, uniquingKeysWith: { first, _ in first })
  }

  private static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

  private static func escape(_ text: String) -> String { MarkdownContentType().escapeText(text) }
}
