/// Analyses runs and builds the report document: the shared core of `analyze` and `report`.
public struct ReportJob: Sendable {
  public var store: RunStore
  public var thresholds: AnalysisThresholds
  /// The objectives in force (`--slo` or the flags); their run-wide p95 and error rate override
  /// the thresholds'.
  public var objectives: ServiceLevelObjectives
  /// Treat single-level runs as the steps of one saturation series.
  public var runsAsSteps: Bool
  public var plan: CapacityPlan
  /// Fault events from `--events`; `nil` detects incidents instead.
  public var events: [ChaosEvent]?

  public init(
    store: RunStore, thresholds: AnalysisThresholds, objectives: ServiceLevelObjectives? = nil,
    runsAsSteps: Bool = false, plan: CapacityPlan, events: [ChaosEvent]?
  ) {
    self.store = store
    self.thresholds = thresholds
    self.objectives = objectives ?? ServiceLevelObjectives(thresholds: thresholds)
    self.runsAsSteps = runsAsSteps
    self.plan = plan
    self.events = events
  }

  /// The document and the analyses behind it (the renderer draws charts from their timelines).
  public func run(_ runs: [Run], skippedFiles: [String] = []) throws -> (ReportDocument, [RunAnalysis]) {
    let applied = objectives.applied(to: thresholds)
    let analyzer = RunAnalyzer(thresholds: applied)
    let analyses = runs.map { analyzer.analyze($0, events: events) }
    let saturation = SaturationAnalyzer(thresholds: applied, objectives: objectives)
      .series(analyses, runsAsSteps: runsAsSteps)
    var trends: [String: [TrendPoint]] = [:]
    for name in Set(runs.map(\.name)) {
      let points = try store.trend(name: name)
      if points.count >= 2 { trends[name] = points }
    }
    let document = ReportBuilder(thresholds: applied).document(
      analyses: analyses, plan: plan, skippedFiles: skippedFiles, trends: trends, saturation: saturation,
      objectives: objectives)
    return (document, analyses)
  }
}
