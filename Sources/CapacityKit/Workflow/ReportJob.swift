/// Analyses runs and builds the report document: the shared core of `analyze` and `report`.
public struct ReportJob: Sendable {
  public var store: RunStore
  public var thresholds: AnalysisThresholds
  public var plan: CapacityPlan
  /// Fault events from `--events`; `nil` detects incidents instead.
  public var events: [ChaosEvent]?

  public init(store: RunStore, thresholds: AnalysisThresholds, plan: CapacityPlan, events: [ChaosEvent]?) {
    self.store = store
    self.thresholds = thresholds
    self.plan = plan
    self.events = events
  }

  /// The document and the analyses behind it (the renderer draws charts from their timelines).
  public func run(_ runs: [Run], skippedFiles: [String] = []) throws -> (ReportDocument, [RunAnalysis]) {
    let analyzer = RunAnalyzer(thresholds: thresholds)
    let analyses = runs.map { analyzer.analyze($0, events: events) }
    var trends: [String: [TrendPoint]] = [:]
    for name in Set(runs.map(\.name)) {
      let points = try store.trend(name: name)
      if points.count >= 2 { trends[name] = points }
    }
    let document = ReportBuilder(thresholds: thresholds).document(
      analyses: analyses, plan: plan, skippedFiles: skippedFiles, trends: trends)
    return (document, analyses)
  }
}
