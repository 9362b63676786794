import CapacityModel
import CapacityPlanning
import Foundation

extension ReportViewBuilder {
  /// Each profile's allocatable CPU (millicores) and memory (bytes), drawn as limits on the charts.
  private typealias Allocatable = (name: String, cpu: Double, memory: Double)

  /// Formats the measured view: requests vs reality per profile, replicas, per-run usage and charts.
  package func withResources(_ view: ReportView, _ document: ReportDocument) -> ReportView {
    guard let resources = document.resources else { return view }
    var view = view
    view.hasResources = true
    view.resourceNotes = resources.notes
    view.resourceFiles = resources.files.map {
      ReportView.FileRow(
        path: $0.path, role: $0.kind, sha256: "\($0.series) series, \($0.from ?? "–") – \($0.to ?? "–")")
    }
    if let recommendation = resources.recommendation {
      view.hasRecommendation = true
      view.recommendationSummary = Self.recommendationSummary(recommendation)
      view.assumptions = recommendation.assumptions
      view.replicaRows = recommendation.components.map(Self.replicaRow)
    }
    view.realityRows = document.profiles.map(realityRow)
    view.overheadSources = overheadSources(document.profiles)
    let limits = document.profiles.map {
      Allocatable(
        name: $0.name, cpu: Double($0.cpuMillicores - $0.overhead.cpuMillicores),
        memory: Double($0.memoryBytes - $0.overhead.memoryBytes))
    }
    view.resourceRuns = resources.runs.map {
      resourceRunSection($0, limits: limits, start: document.runDetails[$0.runId]?.startedAt)
    }
    return view
  }

  package static func mebibytes(_ bytes: Int64) -> String {
    NumberFormat.decimal(Double(bytes) / 1_048_576, places: 0) + "Mi"
  }

  private static func recommendationSummary(_ recommendation: ReportDocument.RecommendationEntry) -> String {
    "Target \(NumberFormat.decimal(recommendation.targetRps, places: 1)) req/s (\(recommendation.targetBasis)); "
      + "one \(recommendation.webComponent) replica carries \(NumberFormat.decimal(recommendation.perReplicaRps, places: 1)) "
      + "req/s within the SLO (\(recommendation.throughputBasis)), planned at "
      + "\(NumberFormat.percent(recommendation.utilisation, places: 0)) utilisation: "
      + "\(Quantities.count(recommendation.webReplicas, "replica")); in all \(Quantities.millicores(recommendation.cpuMillicores)) CPU and "
      + "\(Quantities.quantity(bytes: recommendation.memoryBytes)) memory requested."
  }

  private static func replicaRow(_ row: ReportDocument.RecommendedComponentEntry) -> ReportView.ReplicaRow {
    ReportView.ReplicaRow(
      name: row.name, replicas: "\(row.replicas)", cpu: Quantities.millicores(row.cpuMillicores),
      memory: Self.mebibytes(row.memoryBytes),
      manifestCPU: row.manifestCpuMillicores.map(Quantities.millicores) ?? "–",
      manifestMemory: row.manifestMemoryBytes.map(Self.mebibytes) ?? "–", basis: row.basis,
      derivation: row.derivation)
  }

  /// A profile's requests view next to its measured view.
  private func realityRow(_ profile: ReportDocument.ProfileEntry) -> ReportView.RealityRow {
    let recommendation = profile.recommendation
    let overhead = profile.overhead.summary
    return ReportView.RealityRow(
      name: profile.name, overhead: overhead,
      requestsCPU: profile.cpuRequestsPct.map { NumberFormat.decimal($0, places: 1) + " %" } ?? "–",
      requestsMemory: profile.memoryRequestsPct.map { NumberFormat.decimal($0, places: 1) + " %" } ?? "–",
      requestsVerdict: profile.verdict ?? "no manifests",
      measuredCPU: profile.measuredCpuPct.map { NumberFormat.decimal($0, places: 1) + " %" } ?? "–",
      measuredMemory: profile.measuredMemoryPct.map { NumberFormat.decimal($0, places: 1) + " %" } ?? "–",
      replicas: recommendation.map { entry in
        entry.replicas.keys.sorted().map { "\($0) \(entry.replicas[$0] ?? 0)" }.joined(separator: ", ")
      } ?? "–",
      fits: recommendation.map {
        "\($0.webReplicasThatFit) (≈ \(NumberFormat.decimal($0.capacityRps, places: 0)) req/s)"
      } ?? "–",
      verdict: recommendation?.verdict ?? "not measured",
      verdictClass: Severity(verdict: recommendation?.verdict).rawValue,
      reasonsText: recommendation?.reasons.joined(separator: "; ") ?? "")
  }

  /// Where each overhead model's figures come from, once per model.
  private func overheadSources(_ profiles: [ReportDocument.ProfileEntry]) -> [String] {
    var sources: [String] = []
    for profile in profiles {
      guard let source = profile.overhead.source else { continue }
      let line = "Overhead \(profile.overhead.model): \(source)"
      if !sources.contains(line) { sources.append(line) }
    }
    return sources
  }

  /// One run's usage per component, CPU cost lines, charts and per-step usage.
  private func resourceRunSection(
    _ run: ReportDocument.RunResourcesEntry, limits: [Allocatable], start: Double?
  ) -> ReportView.ResourceRunSection {
    let (cpu, memory) = resourceCharts(run, limits: limits, start: start)
    return ReportView.ResourceRunSection(
      name: run.runName,
      usage: run.components.map { usage in
        let format: (Double) -> String =
          usage.metric == ResourceMetric.cpu.rawValue
          ? { NumberFormat.decimal($0, places: 0) + "m" } : { Self.mebibytes(Int64($0)) }
        return ReportView.UsageRow(
          component: usage.component, metric: usage.metric,
          source: "\(usage.sourceKind): \(usage.source)", selected: usage.selected ? "yes" : "cross-check",
          p50: format(usage.p50), p95: format(usage.p95), max: format(usage.max), mean: format(usage.mean))
      },
      costs: run.cpuCost.map {
        "\($0.component): \(NumberFormat.decimal($0.millicoresPerRps, places: 1))m per req/s + "
          + "\(NumberFormat.decimal($0.baseMillicores, places: 0))m (least squares over \($0.points) \($0.basis))"
      },
      notes: run.notes, cpuChartSVG: cpu ?? "", memoryChartSVG: memory ?? "",
      hasCharts: cpu != nil || memory != nil, steps: stepRows(run.steps),
      hasSteps: !run.steps.isEmpty)
  }

  /// CPU and memory per component over the run, with each profile's allocatable as a limit line.
  private func resourceCharts(
    _ run: ReportDocument.RunResourcesEntry, limits: [Allocatable], start: Double?
  ) -> (cpu: String?, memory: String?) {
    func lines(_ metric: ResourceMetric, scale: Double) -> [ResourceChart.Line] {
      run.timelines.filter { $0.metric == metric.rawValue }.map { timeline in
        ResourceChart.Line(
          label: timeline.component,
          points: timeline.points.compactMap { $0.count == 2 ? ($0[0], $0[1] / scale) : nil })
      }
    }
    guard let start else { return (nil, nil) }
    let cpu = ResourceChart().svg(
      title: "CPU per component over time for \(run.runName), with each profile's allocatable CPU",
      start: start, unit: "CPU m", lines: lines(.cpu, scale: 1), limits: limits.map { ($0.name, $0.cpu) },
      format: { NumberFormat.decimal($0, places: 0) + "m" })
    let memory = ResourceChart().svg(
      title: "Memory per component over time for \(run.runName), with each profile's allocatable memory",
      start: start, unit: "memory Mi", lines: lines(.memory, scale: 1_048_576),
      limits: limits.map { ($0.name, $0.memory / 1_048_576) },
      format: { NumberFormat.decimal($0, places: 0) + "Mi" })
    return (cpu, memory)
  }

  /// One row per step and component, from the sources used for sizing.
  private func stepRows(_ steps: [ReportDocument.StepResourcesEntry]) -> [ReportView.StepUsageRow] {
    steps.flatMap { step in
      let selected = step.components.filter(\.selected)
      return Set(selected.map(\.component)).sorted().map { component in
        let cpu = selected.first { $0.component == component && $0.metric == ResourceMetric.cpu.rawValue }
        let memory = selected.first {
          $0.component == component && $0.metric == ResourceMetric.memory.rawValue
        }
        return ReportView.StepUsageRow(
          users: "\(step.users)", rps: NumberFormat.decimal(step.rps, places: 1), component: component,
          cpuP95: cpu.map { NumberFormat.decimal($0.p95, places: 0) + "m" } ?? "–",
          cpuMean: cpu.map { NumberFormat.decimal($0.mean, places: 0) + "m" } ?? "–",
          memoryMax: memory.map { Self.mebibytes(Int64($0.max)) } ?? "–")
      }
    }
  }
}
