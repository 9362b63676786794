/// Adds the measured view to a plan: resource statistics per run and, when they allow it, the
/// replica recommendation per profile.
public struct MeasuredPlanning: Sendable {
  public var thresholds: AnalysisThresholds
  public var recommender: ReplicaRecommender
  /// The optional component mapping file.
  public var mappingPath: String?

  public init(thresholds: AnalysisThresholds, recommender: ReplicaRecommender, mappingPath: String? = nil) {
    self.thresholds = thresholds
    self.recommender = recommender
    self.mappingPath = mappingPath
  }

  /// The plan with `resources` and `recommendation` filled in; unchanged when there are no resource files.
  public func complete(_ plan: CapacityPlan, analyses: [RunAnalysis], files: [ResourceFile]) throws
    -> CapacityPlan
  {
    guard !files.isEmpty else { return plan }
    let mapper = try ComponentMappingLoader().load(path: mappingPath, deployment: plan.deployment)
    let resources = ResourceStatistics(thresholds: thresholds).analyze(analyses, files: files, mapper: mapper)
    var completed = plan
    completed.resources = resources
    if !resources.isEmpty {
      completed.recommendation = recommender.recommend(
        deployment: plan.deployment, profiles: plan.profiles, analyses: analyses, resources: resources)
    }
    return completed
  }
}
