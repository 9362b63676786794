import CapacityAnalysis
import CapacityModel

/// Formats a `ReportDocument` (its runs' timelines included, for the charts) into a `ReportView`.
public struct ReportViewBuilder: Sendable {
  public init() {}

  public func view(_ document: ReportDocument) -> ReportView {
    let details = document.runDetails
    let runs = document.runs.map { runSection($0, detail: details[$0.id], document: document) }
    let footprint = document.footprint
    var view = ReportView(
      title: "Capacity report", answer: document.answer, evidence: document.evidence,
      slo: "p95 ≤ \(NumberFormat.milliseconds(document.slo.p95Ms)), errors ≤ "
        + NumberFormat.percent(document.slo.errorRate),
      hasPlan: footprint != nil,
      profiles: document.profiles.map(profileRow),
      footprint: footprint?.components.map(componentRow) ?? [],
      footprintTotal: footprint.map {
        "\(Quantities.millicores($0.cpuMillicores)) CPU, \(Quantities.quantity(bytes: $0.memoryBytes))"
      } ?? "",
      footprintTotalCPU: footprint.map { Quantities.millicores($0.cpuMillicores) } ?? "",
      footprintTotalMemory: footprint.map { Quantities.quantity(bytes: $0.memoryBytes) } ?? "",
      runs: runs, methods: document.methods,
      trends: document.trends.map(trendSection), hasTrends: !document.trends.isEmpty,
      chaos: document.chaos.prefix(Self.maximumFaultRows).enumerated().map { position, entry in
        chaosRow(entry, detail: position < Self.maximumRecoveryCharts ? details[entry.runId] : nil)
      },
      hasChaos: !document.chaos.isEmpty,
      skippedFiles: document.skippedFiles,
      hasSkippedFiles: !document.skippedFiles.isEmpty, runCount: runs.count,
      fileCount: document.runs.reduce(0) { $0 + $1.sourceFiles.count })
    view.chaosNotes = (document.chaosNotes ?? []) + Self.faultLimitNote(count: document.chaos.count)
    view.runsAndFiles =
      "\(Quantities.count(view.runCount, "run")) from \(Quantities.count(view.fileCount, "file"))"
    view.saturation = (document.saturation ?? []).map {
      SaturationSectionBuilder().section($0, sloP95Ms: document.slo.p95Ms)
    }
    view.hasSaturation = !view.saturation.isEmpty
    return withLayout(withCluster(withResources(view, document), document), document)
  }

  private func profileRow(_ entry: ReportDocument.ProfileEntry) -> ReportView.ProfileRow {
    let overhead = entry.overhead.summary
    func percent(_ value: Double?) -> String {
      value.map { NumberFormat.decimal($0, places: 1) + " %" } ?? "–"
    }
    let verdict = entry.combinedVerdict ?? entry.verdict
    let reasons = entry.combinedVerdict == nil ? entry.reasons : entry.verdictReasons
    var row = ReportView.ProfileRow(
      name: entry.name,
      capacity: "\(Quantities.cpu(entry.cpuMillicores)) CPU, \(Quantities.memory(entry.memoryBytes))",
      overhead: overhead, cpuPct: percent(entry.cpuRequestsPct), memoryPct: percent(entry.memoryRequestsPct),
      verdict: verdict ?? "no manifests", verdictClass: Severity(verdict: verdict).rawValue,
      reasons: reasons, reasonsText: reasons.joined(separator: "; "))
    row.requestsVerdict = entry.verdict ?? "no manifests"
    row.measuredCPU = percent(entry.measuredCpuPct)
    row.measuredMemory = percent(entry.measuredMemoryPct)
    if entry.carriesWebReplicas == 0 {
      row.carries = "no replica fits"
    } else if let rps = entry.carriesRps, let replicas = entry.carriesWebReplicas {
      row.carries =
        "\(Quantities.count(replicas, "replica")): " + (entry.carriesUsers.map { "\($0) users / " } ?? "")
        + "\(NumberFormat.decimal(rps, places: 0)) req/s"
    }
    row.basis = entry.verdictBasis.joined(separator: " and ")
    return row
  }

  private func trendSection(_ entry: ReportDocument.TrendEntry) -> ReportView.TrendSection {
    ReportView.TrendSection(
      scenario: entry.scenario,
      sparklineSVG: Sparkline().svg(
        entry.points.map { $0.p95Ms }, label: "p95 of \(entry.scenario) across runs"),
      rows: entry.points.map { point in
        ReportView.TrendRow(
          run: String(point.runId.prefix(12)), startedAt: point.startedAt ?? "unknown",
          rps: NumberFormat.decimal(point.rps, places: 1), p95: NumberFormat.milliseconds(point.p95Ms),
          errorPct: NumberFormat.percent(point.errorRate, places: 2))
      })
  }

  /// Faults listed in the HTML and Markdown reports; report.json keeps every one. A log with
  /// thousands of events would otherwise give a report of hundreds of megabytes.
  static let maximumFaultRows = 200
  /// Faults drawn with a recovery chart (about 15 KiB of SVG each).
  static let maximumRecoveryCharts = 40

  /// Says what the tables leave out when there are more faults than they list or chart.
  static func faultLimitNote(count: Int) -> [String] {
    guard count > maximumRecoveryCharts else { return [] }
    let listed = min(count, maximumFaultRows)
    return [
      "\(count) faults: the first \(listed) are listed and the first \(maximumRecoveryCharts) charted here; "
        + "report.json has all \(count)."
    ]
  }

  private func chaosRow(_ entry: ReportDocument.ChaosEntry, detail: ReportDocument.RunDetail?)
    -> ReportView.ChaosRow
  {
    func seconds(_ value: Double?) -> String {
      value.map { NumberFormat.decimal($0, places: $0 < 10 && $0.rounded() != $0 ? 1 : 0) + " s" } ?? "–"
    }
    let label = "\(entry.action) \(entry.target)"
    let ending = entry.endAction.map { " → \($0) at +\(seconds(entry.endS))" } ?? ""
    let time = entry.timeEpochS ?? UTCTimestamp.parse(entry.time)?.timeIntervalSince1970
    let chart = detail.flatMap { detail in
      time.flatMap {
        RecoveryChart().svg(
          timeline: detail.timeline, kind: detail.historyKind, time: $0, label: label, endAfter: entry.endS,
          endLabel: entry.endAction, windowSeconds: entry.windowS)
      }
    }
    let verdict: String
    switch entry.pass {
    case true?: verdict = "PASS"
    case false?: verdict = "FAIL"
    case nil: verdict = "no target"
    }
    let effect = entry.effect ?? ""
    let recovery =
      entry.recoveryS.map { seconds($0) }
      ?? (effect.hasPrefix("not recovered")
        ? effect : (entry.baselineP95Ms == nil ? "not measured" : "not within horizon"))
    let windowEnd: String
    switch entry.windowEnd.flatMap(RecoveryResult.WindowEnd.init(rawValue:)) {
    case .nextFault?: windowEnd = "next fault"
    case .runEnd?: windowEnd = "run end"
    case .horizon?: windowEnd = "horizon"
    case .settled?, nil: windowEnd = "recovery + settle"
    }
    return ReportView.ChaosRow(
      run: entry.run, time: entry.time, event: label + ending, origin: entry.origin,
      interruption: seconds(entry.interruptionS),
      burst: "\(seconds(entry.burstS)), \(entry.burstFailures) failed",
      failedRequests: "\(entry.failedRequests)", recovery: recovery,
      effect: effect == RecoveryResult.Effect.none.rawValue ? effect : "",
      window: entry.windowS.map { "+\(seconds($0)) (\(windowEnd))" } ?? "",
      dip: entry.throughputDipPct.map { NumberFormat.decimal($0, places: 0) + " %" } ?? "–",
      target: entry.targetS.map { "\(seconds($0)) on \(entry.judgedOn ?? "interruption")" } ?? "none",
      verdict: verdict, verdictClass: Severity(pass: entry.pass).rawValue,
      chartSVG: chart ?? "", hasChart: chart != nil, notes: entry.notes)
  }

  private func componentRow(_ entry: ReportDocument.ComponentEntry) -> ReportView.ComponentRow {
    ReportView.ComponentRow(
      name: entry.name, kind: entry.kind,
      replicas: "\(entry.replicas)"
        + (entry.maxReplicas.map { " (autoscaled \(entry.minReplicas ?? entry.replicas)–\($0))" }
          ?? (entry.scaledDown == true ? " (scaled down)" : "")),
      cpu: Quantities.millicores(entry.cpuMillicores),
      memory: Quantities.quantity(bytes: entry.memoryBytes),
      totalCPU: Quantities.millicores(entry.cpuMillicores.saturatingMultiply(Int64(entry.replicas))),
      totalMemory: Quantities.quantity(bytes: entry.memoryBytes.saturatingMultiply(Int64(entry.replicas))))
  }

  private func runSection(
    _ entry: ReportDocument.RunEntry, detail: ReportDocument.RunDetail?, document: ReportDocument
  ) -> ReportView.RunSection {
    let latency = entry.latencyMs
    let charts = runCharts(entry, detail: detail, document: document)
    let chart = charts.main
    var section = ReportView.RunSection(
      name: entry.name, anchor: "run-" + String(entry.id.prefix(12)), tool: entry.tool,
      startedAt: entry.startedAt ?? "unknown",
      duration: entry.durationS.map { NumberFormat.decimal($0, places: 1) + " s" } ?? "–",
      users: entry.usersMax.map(String.init) ?? "–",
      requests: entry.requests.map(String.init) ?? "–", failures: "\(entry.failures)",
      failurePct: NumberFormat.percent(entry.errorRate, places: 2),
      rps: NumberFormat.decimal(entry.rps, places: 1),
      p50: NumberFormat.milliseconds(latency.p50), p95: NumberFormat.milliseconds(latency.p95),
      p99: NumberFormat.milliseconds(latency.p99), max: NumberFormat.milliseconds(latency.max),
      mean: NumberFormat.milliseconds(latency.mean),
      verdict: entry.validity.verdict, verdictClass: Severity(verdict: entry.validity.verdict).rawValue,
      reasons: entry.validity.reasons,
      reasonsText: (entry.validity.reasons + (entry.excludedFromAnswer ? ["left out of the answer"] : []))
        .joined(separator: "; "),
      excluded: entry.excludedFromAnswer,
      endpoints: entry.endpoints.map(Self.endpointRow), errors: entry.errors.map(Self.errorRow),
      hasErrors: !entry.errors.isEmpty, steps: entry.steps.map(Self.stepRow),
      hasSteps: !entry.steps.isEmpty, chartSVG: chart ?? "", hasChart: chart != nil,
      notes: entry.notes, warnings: entry.warnings, hasWarnings: !entry.warnings.isEmpty,
      files: zip(entry.sourceFiles, detail?.sourceFiles ?? []).map { path, file in
        ReportView.FileRow(path: path, role: file.role, sha256: file.sha256)
      },
      id: entry.id)
    section.isRamp = entry.steps.contains { $0.usersLow != nil }
    section.transactions = (entry.transactions ?? []).map(Self.transactionRow)
    section.hasTransactions = !section.transactions.isEmpty
    section.apdex = Self.apdexText(entry.apdex)
    section.apdexT = document.slo.apdexTMs.map { "APDEX (T \(NumberFormat.milliseconds($0)))" } ?? "APDEX"
    if let apdex = entry.apdex, let target = document.slo.apdexTMs {
      section.hasApdex = true
      section.apdexSummary =
        "APDEX \(Self.apdexText(apdex)) over all \(apdex.satisfied + apdex.tolerating + apdex.frustrated) requests "
        + "at T = \(NumberFormat.milliseconds(target)): \(apdex.satisfied) satisfied, \(apdex.tolerating) tolerating, "
        + "\(apdex.frustrated) frustrated (method notes)."
    }
    section.charts = charts.figures
    section.hasCharts = !charts.figures.isEmpty
    (section.statusRows, section.statusNote) = Self.statusCodeRows(entry)
    section.hasStatusRows = !section.statusRows.isEmpty
    section.hasStatusNote = !section.statusNote.isEmpty
    section.timingLines = Self.timingLines(entry)
    return section
  }

  private static func endpointRow(_ endpoint: ReportDocument.EndpointEntry) -> ReportView.EndpointRow {
    var row = endpointFigures(endpoint)
    row.apdex = apdexText(endpoint.apdex)
    return row
  }

  /// `0.940` (3 places, as report.json), `–` without APDEX.
  static func apdexText(_ apdex: ReportDocument.ApdexEntry?) -> String {
    apdex.map { NumberFormat.decimal($0.score, places: 3) } ?? "–"
  }

  private static func endpointFigures(_ endpoint: ReportDocument.EndpointEntry) -> ReportView.EndpointRow {
    ReportView.EndpointRow(
      method: endpoint.method, name: endpoint.name, requests: "\(endpoint.requests)",
      failurePct: NumberFormat.percent(endpoint.errorRate, places: 2),
      rps: NumberFormat.decimal(endpoint.rps, places: 2),
      p50: NumberFormat.milliseconds(endpoint.latencyMs.p50),
      p95: NumberFormat.milliseconds(endpoint.latencyMs.p95),
      p99: NumberFormat.milliseconds(endpoint.latencyMs.p99),
      max: NumberFormat.milliseconds(endpoint.latencyMs.max))
  }

  private static func errorRow(_ error: ReportDocument.ErrorEntry) -> ReportView.ErrorRow {
    ReportView.ErrorRow(
      category: ErrorCategory(rawValue: error.category)?.label ?? error.category,
      count: "\(error.count)", share: NumberFormat.percent(error.share),
      connectionLevel: error.connectionLevel, examples: error.examples,
      examplesText: error.examples.joined(separator: "; "), endpointsText: endpointsText(error))
  }

  private static func endpointsText(_ error: ReportDocument.ErrorEntry) -> String {
    let named = error.endpoints.filter { !$0.name.isEmpty }
    guard !named.isEmpty else { return "" }
    let more = error.endpointCount - error.endpoints.count
    return named.map { ($0.method.isEmpty ? "" : $0.method + " ") + $0.name + " \($0.count)" }
      .joined(separator: ", ") + (more > 0 ? " (+\(more) more)" : "")
  }

  /// A load step, or a ramp's band with its users' range.
  private static func stepRow(_ step: ReportDocument.StepEntry) -> ReportView.StepRow {
    ReportView.StepRow(
      users: step.usersLow.map { "\($0)–\(step.usersHigh ?? $0) (mean \(step.users))" }
        ?? "\(step.users)",
      window:
        "\(NumberFormat.decimal(step.startS, places: 0))–\(NumberFormat.decimal(step.endS, places: 0)) s",
      requests: "\(step.requests)", rps: NumberFormat.decimal(step.rps, places: 1),
      p95: NumberFormat.milliseconds(step.p95Ms),
      errorPct: NumberFormat.percent(step.errorRate, places: 2), steady: step.steady ? "yes" : "no")
  }

  package static func transactionRow(_ entry: ReportDocument.EndpointEntry) -> ReportView.TransactionRow {
    let latency = entry.latencyMs
    return ReportView.TransactionRow(
      name: entry.name, count: "\(entry.requests)", failures: "\(entry.failures)",
      failurePct: NumberFormat.percent(entry.errorRate, places: 2),
      p50: NumberFormat.milliseconds(latency.p50), p90: NumberFormat.milliseconds(latency.p90),
      p95: NumberFormat.milliseconds(latency.p95), p99: NumberFormat.milliseconds(latency.p99),
      max: NumberFormat.milliseconds(latency.max))
  }
}
