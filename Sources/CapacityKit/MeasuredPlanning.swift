import CapacityAnalysis
import CapacityModel
import CapacityPlanning

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
    var mapper = try ComponentMappingLoader().load(path: mappingPath, deployment: plan.deployment)
    for (component, count) in Self.containerCounts(files, mapper: mapper)
    where mapper.measuredReplicas[component] == nil {
      mapper.measuredReplicas[component] = count
    }
    let resources = ResourceStatistics(thresholds: thresholds).analyze(analyses, files: files, mapper: mapper)
    var completed = plan
    completed.resources = resources
    if !resources.isEmpty {
      completed.recommendation = recommender.recommend(
        deployment: plan.deployment, profiles: plan.profiles, analyses: analyses, resources: resources)
    }
    return completed
  }

  /// The load-carried view's figures without resource samples: the per-replica throughput within the
  /// SLO (÷ the mapping's measured replicas) and the target; `nil` when nothing stayed within the SLO.
  public func sizing(_ plan: CapacityPlan, analyses: [RunAnalysis]) throws -> ThroughputSizing? {
    let mapper = try ComponentMappingLoader().load(path: mappingPath, deployment: plan.deployment)
    guard let throughput = recommender.estimate.throughput(analyses, thresholds: thresholds),
      let target = recommender.target.resolve(throughput: throughput, analyses: analyses)
    else { return nil }
    let perReplica = throughput.requestsPerSecond / Double(mapper.measuredReplicas[mapper.webComponent] ?? 1)
    guard perReplica > 0 else { return nil }
    return ThroughputSizing(
      webComponent: mapper.webComponent, perReplicaRPS: perReplica, perUserRPS: target.perUser,
      targetRPS: target.rps, targetUsers: target.users, targetBasis: target.basis,
      throughputBasis: throughput.basis)
  }

  /// Replicas measured per component where the samples name containers: `docker stats` gives one
  /// series per container, so distinct containers of a component are its replicas. Process-level
  /// sources (pidstat, the workers of one pod) say nothing about replicas and are not counted.
  package static func containerCounts(_ files: [ResourceFile], mapper: ComponentMapper) -> [String: Int] {
    var containers: [String: Set<String>] = [:]
    for file in files where file.source.role == "docker-stats-log" {
      for series in file.series where series.metric == .cpu && !series.isNode {
        containers[mapper.component(of: series), default: []].insert(series.entity)
      }
    }
    return containers.mapValues(\.count).filter { $0.value > 1 }
  }
}
