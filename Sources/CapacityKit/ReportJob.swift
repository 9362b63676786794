import CapacityAnalysis
import CapacityModel
import CapacityPlanning
import CapacityPrometheus
import CapacityReport
import CapacityStore
import Foundation

/// Analyses runs and builds the report document: the shared core of `analyze` and `report`.
public struct ReportJob: Sendable {
  public var store: any RunHistory
  public var thresholds: AnalysisThresholds
  /// The objectives in force (`--slo` or the flags); their run-wide p95 and error rate override
  /// the thresholds'.
  public var objectives: ServiceLevelObjectives
  /// Treat single-level runs as the steps of one saturation series.
  public var runsAsSteps: Bool
  public var plan: CapacityPlan
  /// Fault events from `--events`; `nil` detects incidents instead.
  public var events: [ChaosEvent]?
  /// The measured view (resource samples, replica recommendation).
  public var measured: MeasuredPlanning?

  public init(
    store: any RunHistory, thresholds: AnalysisThresholds, objectives: ServiceLevelObjectives? = nil,
    runsAsSteps: Bool = false, plan: CapacityPlan, events: [ChaosEvent]?, measured: MeasuredPlanning? = nil
  ) {
    self.measured = measured
    self.store = store
    self.thresholds = thresholds
    self.objectives = objectives ?? ServiceLevelObjectives(thresholds: thresholds)
    self.runsAsSteps = runsAsSteps
    self.plan = plan
    self.events = events
  }

  /// The report document: all the renderer and the summaries show, the runs' timelines included.
  /// - Parameter resources: resource-sample files; `nil` takes the stored ones that overlap the runs.
  /// - Parameter storing: runs being written to the store meanwhile (`RunIngestor`'s `whileStoring`).
  public func run(
    _ runs: [Run], resources: [ResourceFile]? = nil, skippedFiles: [String] = [], storing: [Run] = []
  ) throws -> ReportDocument {
    let applied = objectives.applied(to: thresholds)
    let analyzer = RunAnalyzer(thresholds: applied)
    let analyses = runs.map { analyzer.analyze($0, events: events) }
    let trends = try trends(runs, storing: storing)
    var plan = plan
    var loads: [String: [ComponentLoad]] = [:]
    var files: [ResourceFile] = []
    if let measured {
      files = try resources ?? storedResources(for: runs)
      plan = try measured.complete(plan, analyses: analyses, files: files)
      if let measuredResources = plan.resources {
        let cpus = files.flatMap(\.series).compactMap(\.hostCPUs).max()
        loads = BottleneckLoads().loads(
          measuredResources, deployment: plan.deployment, hostCPUMillicores: cpus.map { Double($0 * 1000) })
      }
    }
    plan.sloCauses = causes(analyses, plan: plan, files: files, thresholds: applied)
    if let measured {
      let sizing = sizingAnalyses(analyses, causes: plan.sloCauses)
      if sizing != analyses {
        var replanned = self.plan
        replanned.sloCauses = plan.sloCauses
        plan = try measured.complete(replanned, analyses: sizing, files: files)
      }
      plan.judge(sizing: try measured.sizing(plan, analyses: sizing))
      plan.sizedFromHealthyEndpoints = sizing.filter {
        plan.sloCauses[$0.run.id]?.kind == .functional && $0.meetsSLO(applied)
      }.map(\.run.name)
    }
    let saturation = SaturationAnalyzer(thresholds: applied, objectives: objectives)
      .series(analyses, runsAsSteps: runsAsSteps, loads: loads)
    var document = ReportBuilder(thresholds: applied).document(
      analyses: analyses, plan: plan, skippedFiles: skippedFiles, trends: trends, saturation: saturation,
      objectives: objectives, chaosNotes: chaosNotes(runs))
    // Samples fetched with --prometheus say which queries and step they came from.
    if let note = PrometheusProvenance.methodNote(paths: files.map(\.source.path)) {
      document.methods.append(note)
    }
    return document
  }

  /// Each scenario's stored runs, oldest first, where there are two or more. A scenario is a run's
  /// name without the folder put in front of runs named alike (`build-2/checkout` is `checkout`), so
  /// two builds analysed together form a trend, as do runs stored by earlier ingests.
  private func trends(_ runs: [Run], storing: [Run]) throws -> [String: [TrendPoint]] {
    var names: [String: Set<String>] = [:]
    for run in runs {
      let scenario = run.name.split(separator: "/").last.map(String.init) ?? run.name
      names[scenario, default: [scenario]].insert(run.name)
    }
    var trends: [String: [TrendPoint]] = [:]
    for (scenario, stored) in names {
      var seen = Set<String>()
      // A run still being written may be missing from the store's snapshot: its point comes from
      // memory (equal to the stored one), and each run counts once either way.
      let writing = storing.filter { stored.contains($0.name) }.compactMap(TrendPoint.init(run:))
      let points = try (writing + stored.sorted().flatMap { try store.trend(name: $0) }).filter {
        seen.insert($0.runID).inserted
      }
      .sorted { ($0.startedAt ?? .distantPast, $0.runID) < ($1.startedAt ?? .distantPast, $1.runID) }
      if points.count >= 2 { trends[scenario] = points }
    }
    return trends
  }

  /// How the events file was read, and what the runs' data allows: per-request figures need a
  /// raw log ingested with its request marks (runs stored before they were kept have none).
  private func chaosNotes(_ runs: [Run]) -> [String] {
    guard let events else { return [] }
    var notes = FaultPairer().schedule(events).notes
    let unmarked = runs.filter { $0.historyKind == .perSecond && $0.requestMarks == nil }.map(\.name)
    if !unmarked.isEmpty {
      notes.append(
        "No per-request marks stored for \(unmarked.sorted().joined(separator: ", ")) (ingested by an "
          + "earlier version): its fault figures are per second; run capacity ingest on the raw log "
          + "again to add them.")
    }
    return notes
  }

  /// Why each run that missed an objective missed it, from its resource samples where given.
  private func causes(
    _ analyses: [RunAnalysis], plan: CapacityPlan, files: [ResourceFile], thresholds: AnalysisThresholds
  ) -> [String: SLOCause] {
    let cpus = files.flatMap(\.series).compactMap(\.hostCPUs).max().map { Double($0 * 1000) }
    var utilisation: [String: RunUtilisation] = [:]
    for usage in plan.resources?.runs ?? [] {
      utilisation[usage.runID] = RunUtilisation(usage, hostCPUMillicores: cpus)
    }
    return SLOCauseClassifier(thresholds: thresholds).classify(analyses, utilisation: utilisation)
  }

  /// Runs whose miss was functional are sized from their healthy endpoints.
  private func sizingAnalyses(_ analyses: [RunAnalysis], causes: [String: SLOCause]) -> [RunAnalysis] {
    analyses.map { analysis in
      guard let cause = causes[analysis.run.id], cause.kind == .functional else { return analysis }
      return HealthyEndpointsView().view(analysis, excluding: cause.endpoints) ?? analysis
    }
  }

  /// Stored resource files with samples during any of the runs (a minute of slack either side).
  private func storedResources(for runs: [Run]) throws -> [ResourceFile] {
    let starts = runs.compactMap(\.startedAt).map(\.timeIntervalSince1970)
    let ends = runs.compactMap { $0.endedAt ?? $0.startedAt }.map(\.timeIntervalSince1970)
    guard let start = starts.min(), let end = ends.max() else { return [] }
    let files = try store.resourceFiles(overlapping: (start - 60)...(end + 60))
    return files.filter { file in
      runs.contains { run in
        guard let from = run.startedAt?.timeIntervalSince1970 else { return false }
        let to = (run.endedAt ?? run.startedAt)?.timeIntervalSince1970 ?? from
        return file.series.contains { $0.span?.overlaps((from - 60)...(to + 60)) ?? false }
      }
    }
  }
}
