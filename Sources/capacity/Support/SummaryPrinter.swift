import CapacityKit

/// The short summary `analyze` prints: the answer, the profile table and each run's verdict.
struct SummaryPrinter {
  let console: Console

  /// Each run's req/s is rounded once, from the measured value the document carries
  /// (`ReportDocument.requestsPerSecond(of:)`; report.json's are already rounded to two places).
  func summary(_ document: ReportDocument, files: [String]) -> String {
    var lines: [String] = [console.paint(document.answer, .bold)]
    lines += document.evidence.map { "  " + $0 }
    lines.append("")
    if let recommendation = document.recommendation {
      let named = recommendation.profile.map { "\($0) " } ?? "no profile carries the target: "
      lines.append(
        "  recommendation: \(named)\(console.paint(verdict: recommendation.verdict ?? "–")) "
          + "(\(recommendation.basis))")
    }
    lines.append(
      "  \(pad("profile", 12)) \(pad("requests cpu/mem", 18)) \(pad("measured cpu/mem", 18)) "
        + "\(pad("carries within the SLO", 34)) verdict")
    for profile in document.profiles {
      func pair(_ cpu: Double?, _ memory: Double?) -> String {
        guard let cpu else { return "–" }
        return "\(NumberFormat.decimal(cpu, places: 1)) / \(NumberFormat.decimal(memory ?? 0, places: 1)) %"
      }
      let carries =
        profile.carriesWebReplicas == 0
        ? "no replica fits"
        : profile.carriesRps.map { rps in
          Quantities.count(profile.carriesWebReplicas ?? 0, "replica") + ": "
            + (profile.carriesUsers.map { "\($0) users / " } ?? "") + NumberFormat.decimal(rps, places: 0)
            + " req/s"
        } ?? "–"
      let verdict = profile.combinedVerdict ?? profile.verdict ?? "–"
      lines.append(
        "  \(pad(profile.name, 12)) \(pad(pair(profile.cpuRequestsPct, profile.memoryRequestsPct), 18)) "
          + "\(pad(pair(profile.measuredCpuPct, profile.measuredMemoryPct), 18)) \(pad(carries, 34)) "
          + console.paint(verdict: verdict))
    }
    lines.append("")
    for run in document.runs {
      let figures =
        "\(run.requests.map(NumberFormat.grouped) ?? "–") req, \(NumberFormat.percent(run.errorRate)) failed, "
        + "\(NumberFormat.grouped(document.requestsPerSecond(of: run), places: 1)) req/s, p95 \(NumberFormat.milliseconds(run.latencyMs.p95))"
      let cause = run.sloCause.map { "  SLO missed: \($0.cause)" } ?? ""
      lines.append(
        "  \(pad(RunListFormatter.fit(run.name, 24), 24)) \(pad(figures, 54)) \(console.paint(verdict: run.validity.verdict))\(cause)"
      )
    }
    // The files written are listed on stderr (`Console.wrote`): stdout carries the summary only.
    return lines.joined(separator: "\n") + "\n"
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
