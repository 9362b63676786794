/// The measured view of planning: the target load, the replicas it needs, the per-replica requests
/// derived from measured usage, and how each profile carries it.
public struct ReplicaPlan: Sendable, Equatable {
  /// One component of the recommended deployment.
  public struct ComponentRow: Sendable, Equatable {
    public var name: String
    public var replicas: Int
    /// Per-replica request, millicores and bytes.
    public var cpuMillicores: Int64
    public var memoryBytes: Int64
    /// What the manifests request per replica, when known.
    public var manifestCPUMillicores: Int64?
    public var manifestMemoryBytes: Int64?
    /// `measured`, `manifest` or `measured cpu, manifest memory`…
    public var basis: String
    /// How the requests were derived, one sentence.
    public var derivation: String
  }

  /// How a profile carries the recommended deployment.
  public struct ProfileRow: Sendable, Equatable {
    public var profile: Profile
    public var verdict: Verdict
    public var reasons: [String]
    /// Recommended deployment's requests as % of allocatable.
    public var cpuPercent: Percent
    public var memoryPercent: Percent
    /// Web replicas (at their measured request) that fit next to the other components.
    public var webReplicasThatFit: Int
    /// Throughput those replicas carry within the SLO.
    public var capacityRPS: Double
  }

  public var targetRPS: Double
  /// How the target was chosen, one sentence.
  public var targetBasis: String
  public var targetUsers: Int?
  public var throughput: MeasuredThroughput
  /// Throughput of one web replica within the SLO.
  public var perReplicaRPS: Double
  public var utilisation: Double
  public var webComponent: String
  public var webReplicas: Int
  public var components: [ComponentRow]
  public var cpuMillicores: Int64
  public var memoryBytes: Int64
  public var profiles: [ProfileRow]
  public var assumptions: [String]
  /// Requests per second one user issued within the SLO, when the throughput came with users.
  public var perUserRPS: Double? = nil
}
