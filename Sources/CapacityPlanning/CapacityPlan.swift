import CapacityAnalysis

/// The planning inputs and results a report shows: the profiles in force and, when manifests
/// were given, the deployment and how it fits each profile.
public struct CapacityPlan: Sendable, Equatable {
  public var profiles: [Profile]
  public var deployment: Deployment?
  /// One per profile, in profile order; empty without a deployment.
  public var fits: [ProfileFit]
  /// What the resource samples say, when any were given.
  public var resources: ResourceAnalysis?
  /// The measured view: replicas and verdicts from measured usage, when samples allow it.
  public var recommendation: ReplicaPlan?
  /// The profile table: both views per profile and the one verdict (`judge(sizing:)` fills it).
  public var assessments: [ProfileAssessment] = []
  /// The profile the answer names, from `assessments`.
  public var choice: ProfileRecommendation?
  /// Per-replica throughput and target behind the load-carried view.
  public var sizing: ThroughputSizing?
  /// Why each run that missed an objective missed it, by run id.
  public var sloCauses: [String: SLOCause] = [:]
  /// Runs with a functional miss whose healthy endpoints met the SLO, so sizing used them (names).
  public var sizedFromHealthyEndpoints: [String] = []

  public init(profiles: [Profile], deployment: Deployment?) {
    self.profiles = profiles
    self.deployment = deployment
    self.fits = deployment.map { Planner().fit($0, profiles: profiles) } ?? []
    judge(sizing: nil)
  }

  /// Fills the profile table and the choice from the views present. `sizing` defaults to the
  /// measured plan's figures.
  public mutating func judge(sizing: ThroughputSizing?) {
    let sizing = recommendation.map(ThroughputSizing.init) ?? sizing
    self.sizing = sizing
    let judge = ProfileJudge()
    assessments = judge.assess(self, sizing: sizing)
    choice = judge.recommend(assessments, plan: self, sizing: sizing)
  }
}
