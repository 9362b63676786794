import CapacityAnalysis
import CapacityModel
import CapacityPlanning
import Foundation

extension ReportBuilder {
  /// Adds `resources`, the overhead source and the measured per-profile fields.
  package func withResources(_ document: ReportDocument, plan: CapacityPlan) -> ReportDocument {
    var document = document
    for index in document.profiles.indices {
      let name = document.profiles[index].name
      if let profile = plan.profiles.first(where: { $0.name == name }) {
        document.profiles[index].overhead.source =
          (OverheadModel(rawValue: profile.overhead.model) ?? .explicit).source
      }
      guard let recommendation = plan.recommendation,
        let row = recommendation.profiles.first(where: { $0.profile.name == name })
      else { continue }
      document.profiles[index].measuredCpuPct = Double(row.cpuPercent.tenths) / 10
      document.profiles[index].measuredMemoryPct = Double(row.memoryPercent.tenths) / 10
      document.profiles[index].recommendation = ReportDocument.ProfileRecommendationEntry(
        verdict: row.verdict.rawValue, reasons: row.reasons,
        replicas: Dictionary(
          recommendation.components.map { ($0.name, $0.replicas) }, uniquingKeysWith: { a, _ in a }),
        webReplicasThatFit: row.webReplicasThatFit,
        capacityRps: NumberFormat.rounded(row.capacityRPS, places: 1))
    }
    guard let resources = plan.resources else { return document }
    if plan.recommendation == nil {
      document.evidence.append(
        "Resource samples were given, but no valid run or load step stayed within the SLO (or none measured "
          + "the \(resources.mapper.webComponent) component), so no per-replica throughput could be measured and "
          + "the answer does not use them.")
    }
    document.resources = ReportDocument.ResourcesEntry(
      files: resources.files.map { file in
        ReportDocument.ResourceFileEntry(
          path: file.path, kind: file.kind, series: file.series,
          from: file.from.map { UTCTimestamp.format(Date(timeIntervalSince1970: $0)) },
          to: file.to.map { UTCTimestamp.format(Date(timeIntervalSince1970: $0)) })
      },
      webComponent: resources.mapper.webComponent,
      runs: resources.runs.map { run in
        ReportDocument.RunResourcesEntry(
          runId: run.runID, runName: run.runName, coverage: NumberFormat.rounded(run.coverage, places: 3),
          components: run.usage.map(usageEntry),
          steps: run.steps.map { step in
            ReportDocument.StepResourcesEntry(
              users: step.users, rps: NumberFormat.rounded(step.requestsPerSecond, places: 2),
              components: step.usage.map(usageEntry))
          },
          cpuCost: run.costs.map(costEntry), notes: run.notes,
          timelines: run.timelines.map { timeline in
            ReportDocument.TimelineEntry(
              component: timeline.component, metric: timeline.metric.rawValue,
              points: ResourceStatistics.windowed(timeline.points, seconds: 10).map {
                [NumberFormat.rounded($0.time, places: 1), NumberFormat.rounded($0.value, places: 0)]
              })
          })
      },
      cpuCostAcrossRuns: resources.costsAcrossRuns.map(costEntry),
      recommendation: plan.recommendation.map(recommendationEntry), notes: resources.notes)
    return document
  }

  private func usageEntry(_ usage: ComponentUsage) -> ReportDocument.UsageEntry {
    let places = usage.metric == .cpu ? 1 : 0
    let summary = usage.summary
    return ReportDocument.UsageEntry(
      component: usage.component, metric: usage.metric.rawValue,
      unit: usage.metric == .cpu ? "millicores" : "bytes", source: usage.source, sourceKind: usage.sourceKind,
      selected: usage.selected, samples: summary.samples,
      p50: NumberFormat.rounded(summary.p50, places: places),
      p90: NumberFormat.rounded(summary.p90, places: places),
      p95: NumberFormat.rounded(summary.p95, places: places),
      max: NumberFormat.rounded(summary.max, places: places),
      mean: NumberFormat.rounded(summary.mean, places: places))
  }

  private func costEntry(_ cost: CPUCost) -> ReportDocument.CPUCostEntry {
    ReportDocument.CPUCostEntry(
      component: cost.component, millicoresPerRps: NumberFormat.rounded(cost.millicoresPerRPS, places: 2),
      baseMillicores: NumberFormat.rounded(cost.baseMillicores, places: 1),
      p90MillicoresPerRps: NumberFormat.rounded(cost.p90MillicoresPerRPS, places: 2),
      p90BaseMillicores: NumberFormat.rounded(cost.p90BaseMillicores, places: 1), points: cost.points,
      basis: cost.basis)
  }

  private func recommendationEntry(_ plan: ReplicaPlan) -> ReportDocument.RecommendationEntry {
    ReportDocument.RecommendationEntry(
      targetRps: NumberFormat.rounded(plan.targetRPS, places: 1), targetUsers: plan.targetUsers,
      targetBasis: plan.targetBasis, perReplicaRps: NumberFormat.rounded(plan.perReplicaRPS, places: 1),
      throughputBasis: plan.throughput.basis, utilisation: plan.utilisation, webComponent: plan.webComponent,
      webReplicas: plan.webReplicas, cpuMillicores: plan.cpuMillicores, memoryBytes: plan.memoryBytes,
      components: plan.components.map { row in
        ReportDocument.RecommendedComponentEntry(
          name: row.name, replicas: row.replicas, cpuMillicores: row.cpuMillicores,
          memoryBytes: row.memoryBytes,
          manifestCpuMillicores: row.manifestCPUMillicores, manifestMemoryBytes: row.manifestMemoryBytes,
          basis: row.basis, derivation: row.derivation)
      },
      assumptions: plan.assumptions)
  }
}
