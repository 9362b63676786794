/// One row of the profile table: both views of a profile and the one verdict drawn from them.
public struct ProfileAssessment: Sendable, Equatable {
  /// The load a profile carries within the SLO and the web replicas that give it.
  public struct CarriedLoad: Sendable, Equatable {
    public var webComponent: String
    public var webReplicas: Int
    public var rps: Double
    /// `rps` at the per-user rate measured within the SLO, rounded down; `nil` without users.
    public var users: Int?
    /// `measured usage` (replicas at their measured requests) or `requests` (at the manifests').
    public var basis: String
  }

  public var profile: Profile
  /// The requests view (manifests); `nil` without them.
  public var requests: ProfileFit?
  /// The measured view (resource samples); `nil` without them.
  public var measured: ReplicaPlan.ProfileRow?
  public var carries: CarriedLoad?
  /// `nil` when no view applies (no manifests, no samples, nothing measured within the SLO).
  public var verdict: Verdict?
  /// The views the verdict was drawn from: `requests`, `measured usage`, `load carried`.
  public var basis: [String]
  /// Why, lowercase-first sentences without a final period: one or more per view.
  public var reasons: [String]
}

/// The profile the answer names, and the figures behind it (`report.json` `recommendation`).
public struct ProfileRecommendation: Sendable, Equatable {
  /// `nil` when no profile carries the target.
  public var profile: Profile?
  /// The named profile's table verdict; NOT RECOMMENDED when none is named.
  public var verdict: Verdict?
  public var basis: [String]
  /// What the named profile carries, or the largest profile when none is named.
  public var carries: ProfileAssessment.CarriedLoad?
  public var largest: Profile?
  public var targetRPS: Double?
  public var targetUsers: Int?
  /// CPU the target would need (requests of the sized deployment), for "none carries the target".
  public var neededCPUMillicores: Int64?
}

/// What the runs say one web replica carries and the load to plan for, for the load-carried view.
public struct ThroughputSizing: Sendable, Equatable {
  public var webComponent: String
  public var perReplicaRPS: Double
  public var perUserRPS: Double?
  public var targetRPS: Double
  public var targetUsers: Int?
  public var targetBasis: String
  public var throughputBasis: String

  public init(
    webComponent: String, perReplicaRPS: Double, perUserRPS: Double?, targetRPS: Double, targetUsers: Int?,
    targetBasis: String, throughputBasis: String
  ) {
    self.webComponent = webComponent
    self.perReplicaRPS = perReplicaRPS
    self.perUserRPS = perUserRPS
    self.targetRPS = targetRPS
    self.targetUsers = targetUsers
    self.targetBasis = targetBasis
    self.throughputBasis = throughputBasis
  }

  /// The measured plan's figures.
  public init(_ plan: ReplicaPlan) {
    self.init(
      webComponent: plan.webComponent, perReplicaRPS: plan.perReplicaRPS, perUserRPS: plan.perUserRPS,
      targetRPS: plan.targetRPS, targetUsers: plan.targetUsers, targetBasis: plan.targetBasis,
      throughputBasis: plan.throughput.basis)
  }
}
