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

  public init(profiles: [Profile], deployment: Deployment?) {
    self.profiles = profiles
    self.deployment = deployment
    self.fits = deployment.map { Planner().fit($0, profiles: profiles) } ?? []
  }
}
