import CapacityKit

/// The short summary `analyze` prints: the answer, the profiles and each run's verdict.
struct SummaryPrinter {
  let console: Console

  /// - Parameter analyses: the runs' analyses, so each figure is rounded once, from the measured
  ///   value (report.json's are already rounded to two places).
  func summary(_ document: ReportDocument, files: [String], analyses: [RunAnalysis] = []) -> String {
    let rps = JobSummary.exactRPS(analyses)
    var lines: [String] = [console.paint(document.answer, .bold)]
    lines += document.evidence.map { "  " + $0 }
    lines.append("")
    for profile in document.profiles {
      let usage =
        profile.cpuRequestsPct.map { cpu in
          "cpu \(NumberFormat.decimal(cpu, places: 1)) %, memory "
            + NumberFormat.decimal(profile.memoryRequestsPct ?? 0, places: 1) + " %"
        } ?? "no manifests"
      lines.append(
        "  \(pad(profile.name, 12)) \(pad(usage, 34)) \(console.paint(verdict: profile.verdict ?? "–"))")
    }
    lines.append("")
    for run in document.runs {
      let figures =
        "\(run.requests.map(NumberFormat.grouped) ?? "–") req, \(NumberFormat.percent(run.errorRate)) failed, "
        + "\(NumberFormat.grouped(rps[run.id] ?? run.rps, places: 1)) req/s, p95 \(NumberFormat.milliseconds(run.latencyMs.p95))"
      lines.append(
        "  \(pad(RunListFormatter.fit(run.name, 24), 24)) \(pad(figures, 54)) \(console.paint(verdict: run.validity.verdict))"
      )
    }
    // The files written are listed on stderr (`Console.wrote`): stdout carries the summary only.
    return lines.joined(separator: "\n") + "\n"
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
