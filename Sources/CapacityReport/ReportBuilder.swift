import CapacityAnalysis
import CapacityModel
import CapacityPlanning

/// Builds the `ReportDocument` from the analyses and the plan. Numbers are rounded here, once,
/// so that JSON, HTML and Markdown all show the same figures.
public struct ReportBuilder: Sendable {
  public var thresholds: AnalysisThresholds

  public init(thresholds: AnalysisThresholds = AnalysisThresholds()) {
    self.thresholds = thresholds
  }

  public func document(
    analyses: [RunAnalysis], plan: CapacityPlan, skippedFiles: [String] = [],
    trends: [String: [TrendPoint]] = [:], saturation: [SaturationAnalysis] = [],
    objectives: ServiceLevelObjectives? = nil, chaosNotes: [String] = []
  ) -> ReportDocument {
    let composer = AnswerComposer(thresholds: thresholds)
    let ordered = analyses.sorted {
      ($0.run.startedAt?.timeIntervalSince1970 ?? 0, $0.run.name) < (
        $1.run.startedAt?.timeIntervalSince1970 ?? 0, $1.run.name
      )
    }
    let methods = Set(ordered.map(\.latency.method)).sorted { $0.rawValue < $1.rawValue }
    var document = ReportDocument(
      answer: [
        composer.answer(plan: plan),
        composer.functionalNote(ordered, plan: plan),
      ].compactMap { $0 }.joined(separator: " "),
      evidence: composer.causes(ordered, plan: plan) + composer.evidence(ordered),
      slo: .init(p95Ms: thresholds.sloP95Ms, errorRate: thresholds.sloErrorRate),
      runs: ordered.map(runEntry), footprint: plan.deployment.map(footprintEntry),
      profiles: profileEntries(plan),
      methods: MethodNotes(thresholds: thresholds).notes(
        methods: methods, hasSteps: ordered.contains { !$0.steps.isEmpty },
        hasChaos: ordered.contains { !$0.recoveries.isEmpty }),
      skippedFiles: skippedFiles.sorted(),
      chaos: ordered.flatMap { analysis in analysis.recoveries.map { chaosEntry($0, run: analysis.run) } },
      trends: trendEntries(trends))
    if !document.chaos.isEmpty, !chaosNotes.isEmpty { document.chaosNotes = chaosNotes }
    if ordered.contains(where: { $0.apdex != nil }) {
      document.slo.apdexTMs = Apdex.threshold(thresholds)
      document.methods.append(MethodNotes(thresholds: thresholds).apdex)
    }
    if ordered.contains(where: { $0.run.statusCodes != nil || !$0.run.timings.isEmpty }) {
      document.methods.append(MethodNotes.statusCodesAndTimings)
    }
    addSaturation(&document, analyses: ordered, saturation: saturation, objectives: objectives)
    document.quotaAndLimits = plan.deployment?.cluster.map(quotaEntry)
    document.runDetails = Dictionary(
      analyses.map { ($0.run.id, runDetail($0)) }, uniquingKeysWith: { first, _ in first })
    return withAnswer(withResources(document, plan: plan), plan: plan)
  }

  /// The `saturation` section, the objectives with each run's results, and the capacity-at-SLO evidence.
  private func addSaturation(
    _ document: inout ReportDocument, analyses: [RunAnalysis], saturation: [SaturationAnalysis],
    objectives: ServiceLevelObjectives?
  ) {
    let entries = SaturationEntryBuilder(forecastErrorLimit: thresholds.forecastErrorLimit)
    if !saturation.isEmpty {
      document.saturation = saturation.map(entries.entry)
      document.evidence += CapacityEvidence(forecastErrorLimit: thresholds.forecastErrorLimit).sentences(
        saturation)
    }
    guard let objectives else { return }
    document.slo.objectives = objectives.objectives.map(entries.objective)
    document.slo.source = objectives.source
    document.slo.results = SLOEvaluator(objectives: objectives).evaluate(analyses).map(entries.result)
  }

  /// Each scenario's stored runs, by scenario name.
  private func trendEntries(_ trends: [String: [TrendPoint]]) -> [ReportDocument.TrendEntry] {
    trends.keys.sorted().map { name in
      ReportDocument.TrendEntry(
        scenario: name,
        points: (trends[name] ?? []).map { point in
          ReportDocument.TrendPointEntry(
            runId: point.runID, startedAt: point.startedAt.map(UTCTimestamp.format),
            requests: point.requests,
            rps: NumberFormat.rounded(point.requestsPerSecond, places: 2),
            p95Ms: point.p95Ms.map { NumberFormat.rounded($0, places: 2) },
            errorRate: NumberFormat.rounded(point.errorRate, places: 4))
        })
    }
  }

  private func runEntry(_ analysis: RunAnalysis) -> ReportDocument.RunEntry {
    var entry = runEntryFigures(analysis)
    entry.apdex = analysis.apdex.map(ReportDocument.ApdexEntry.init)
    entry.statusCodes = analysis.run.statusCodes.map(ReportDocument.StatusCodesEntry.init)
    entry.timeToFirstByteMs = analysis.run.timings.first { $0.phase == .firstByte }.map(
      ReportDocument.TimingEntry.init)
    entry.connectMs = analysis.run.timings.first { $0.phase == .connect }.map(ReportDocument.TimingEntry.init)
    return entry
  }

  private func runEntryFigures(_ analysis: RunAnalysis) -> ReportDocument.RunEntry {
    let run = analysis.run
    return ReportDocument.RunEntry(
      id: run.id, name: run.name, tool: run.tool.rawValue, sourceFiles: run.sourceFiles.map(\.path),
      sha256: run.id, startedAt: run.startedAt.map(UTCTimestamp.format),
      durationS: analysis.durationSeconds.map { NumberFormat.rounded($0, places: 1) },
      usersMax: analysis.usersMax, requests: analysis.requests, failures: analysis.failures,
      rps: NumberFormat.rounded(analysis.requestsPerSecond, places: 2),
      errorRate: NumberFormat.rounded(analysis.errorRate, places: 4),
      latencyMs: latencyEntry(analysis.latency),
      validity: .init(verdict: analysis.validity.verdict.rawValue, reasons: analysis.validity.reasons),
      excludedFromAnswer: analysis.validity.verdict == .invalid,
      errors: analysis.errors.map { error in
        ReportDocument.ErrorEntry(
          category: error.category.rawValue, count: error.count,
          share: NumberFormat.rounded(error.share, places: 4),
          connectionLevel: error.category.isConnectionLevel, examples: error.examples,
          firstSeen: error.firstSeen.map(UTCTimestamp.format),
          lastSeen: error.lastSeen.map(UTCTimestamp.format),
          endpoints: error.endpoints.map { .init(method: $0.method, name: $0.name, count: $0.count) },
          endpointCount: error.endpointCount)
      },
      endpoints: analysis.endpoints.map(endpointEntry),
      steps: analysis.steps.map { step in
        ReportDocument.StepEntry(
          users: step.users, startS: step.startSeconds, endS: step.endSeconds,
          requests: step.requests, rps: NumberFormat.rounded(step.requestsPerSecond, places: 2),
          p95Ms: step.p95Ms.map { NumberFormat.rounded($0, places: 1) },
          errorRate: NumberFormat.rounded(step.errorRate, places: 4), steady: step.isSteady,
          usersLow: step.band?.lowerBound, usersHigh: step.band?.upperBound)
      },
      historyKind: run.historyKind.rawValue, notes: analysis.notes,
      warnings: run.diagnostics.map(\.description),
      setAside: run.setAside.map { .init(reason: $0.reason.rawValue, count: $0.count) },
      transactions: analysis.transactions.isEmpty ? nil : analysis.transactions.map(endpointEntry),
      session: run.origin.flatMap {
        $0.sessions > 1 ? .init(index: $0.session, of: $0.sessions, gapS: $0.sessionGapSeconds) : nil
      },
      generators: run.origin.flatMap {
        $0.generators.isEmpty ? nil : $0.generators.map { .init(file: $0.path, requests: $0.requests) }
      })
  }

  /// What the views draw of a run beyond its entry: the timeline, the files, the exact req/s.
  private func runDetail(_ analysis: RunAnalysis) -> ReportDocument.RunDetail {
    var detail = ReportDocument.RunDetail(
      historyKind: analysis.run.historyKind, timeline: analysis.run.timeline,
      sourceFiles: analysis.run.sourceFiles, requestsPerSecond: analysis.requestsPerSecond)
    detail.startedAt = analysis.run.startedAt?.timeIntervalSince1970
    detail.endpointTimelines = analysis.run.endpointTimelines
    detail.requestWindows = analysis.run.requestWindows
    detail.latencyCounts = analysis.run.latencyCounts
    detail.statusCodes = analysis.run.statusCodes
    detail.timings = analysis.run.timings
    return detail
  }

  private func endpointEntry(_ endpoint: EndpointAnalysis) -> ReportDocument.EndpointEntry {
    ReportDocument.EndpointEntry(
      method: endpoint.method, name: endpoint.name, requests: endpoint.requests,
      failures: endpoint.failures, errorRate: NumberFormat.rounded(endpoint.errorRate, places: 4),
      rps: NumberFormat.rounded(endpoint.requestsPerSecond, places: 2),
      latencyMs: latencyEntry(endpoint.latency), apdex: endpoint.apdex.map(ReportDocument.ApdexEntry.init))
  }

  private func latencyEntry(_ latency: LatencySummary) -> ReportDocument.LatencyEntry {
    func round(_ value: Double?) -> Double? { value.map { NumberFormat.rounded($0, places: 2) } }
    return ReportDocument.LatencyEntry(
      p50: round(latency.p50), p90: round(latency.p90), p95: round(latency.p95),
      p99: round(latency.p99), p999: round(latency.p999), mean: round(latency.mean),
      max: round(latency.max), method: latency.method.rawValue)
  }

  package func footprintEntry(_ deployment: Deployment) -> ReportDocument.FootprintEntry {
    let footprint = Footprint(deployment)
    let peak = Footprint(deployment, atPeak: true)
    let hasPeak = deployment.components.contains { $0.peakReplicas > $0.replicas }
    return ReportDocument.FootprintEntry(
      cpuMillicores: footprint.cpuRequestMillicores, memoryBytes: footprint.memoryRequestBytes,
      cpuLimitMillicores: footprint.cpuLimitMillicores, memoryLimitBytes: footprint.memoryLimitBytes,
      components: deployment.components.map { component in
        var entry = ReportDocument.ComponentEntry(
          name: component.name, kind: component.kind, replicas: component.replicas,
          cpuMillicores: component.cpuRequestMillicores, memoryBytes: component.memoryRequestBytes,
          source: component.source)
        entry.namespace = component.namespace
        entry.minReplicas = component.autoscaler?.minReplicas
        entry.maxReplicas = component.autoscaler?.maxReplicas
        entry.ephemeralStorageBytes = component.ephemeralStorageRequestBytes
        entry.scaledDown = component.isScaledDown ? true : nil
        entry.limitRangeDefaults = component.limitRangeDefaults.isEmpty ? nil : component.limitRangeDefaults
        return entry
      },
      cpuPeakMillicores: hasPeak ? peak.cpuRequestMillicores : nil,
      memoryPeakBytes: hasPeak ? peak.memoryRequestBytes : nil)
  }

  package func profileEntries(_ plan: CapacityPlan) -> [ReportDocument.ProfileEntry] {
    plan.profiles.map { profile in
      let fit = plan.fits.first { $0.profile == profile }
      var replicas: [String: Int] = [:]
      for component in plan.deployment?.components ?? [] {
        let reduced = fit?.scaleDown.last { $0.component == component.name }?.to
        replicas[component.name] = reduced ?? component.replicas
      }
      return ReportDocument.ProfileEntry(
        name: profile.name, cpuMillicores: profile.cpuMillicores, memoryBytes: profile.memoryBytes,
        overhead: .init(
          model: profile.overhead.model, cpuMillicores: profile.overhead.cpuMillicores,
          memoryBytes: profile.overhead.memoryBytes),
        cpuRequestsPct: fit.map { Double($0.cpuRequestsPercent.tenths) / 10 },
        memoryRequestsPct: fit.map { Double($0.memoryRequestsPercent.tenths) / 10 },
        verdict: fit?.verdict.rawValue, reasons: fit?.reasons ?? [], replicas: replicas,
        scaleDown: (fit?.scaleDown ?? []).map { .init(component: $0.component, from: $0.from, to: $0.to) },
        peakFits: fit?.peak?.fits,
        peakCpuRequestsPct: fit?.peak.map { Double($0.cpuRequestsPercent.tenths) / 10 },
        peakMemoryRequestsPct: fit?.peak.map { Double($0.memoryRequestsPercent.tenths) / 10 },
        quota: fit?.quota.map {
          .init(
            name: $0.name, found: $0.found, podsTried: $0.podsTried, refused: $0.refused.map(Self.podEntry))
        })
    }
  }
}
