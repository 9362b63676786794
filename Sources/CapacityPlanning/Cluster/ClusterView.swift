/// What the cluster makes of the manifests: LimitRange defaults and violations, each pod admitted or refused
/// by its namespace's quotas (with the API server's numbers), autoscalers, batch work and ignored objects.
public struct ClusterView: Sendable, Equatable {
  /// One pod the simulation tried to create.
  public struct Pod: Sendable, Equatable {
    /// When the pod is created: with the manifests, at the autoscaler's peak, or by a Job.
    public enum Phase: String, Sendable, Equatable {
      case steady, peak, job
    }

    public var workload: String
    public var kind: String
    public var namespace: String
    /// 1-based within the workload.
    public var ordinal: Int
    public var phase: Phase
    public var admitted: Bool
    /// `quota vps-quota` or `LimitRange limits`; `nil` when admitted.
    public var refusedBy: String?
    /// The API server's error text; `nil` when admitted.
    public var message: String?
  }

  /// A quota as it stands after the simulation.
  public struct QuotaState: Sendable, Equatable {
    public var quota: ResourceQuota
    /// `status.used` at the end: every pod and object it charged.
    public var used: ResourceList
    /// Pods already running when the quota was created (counted in `used`, never checked).
    public var podsBeforeQuota: Int
  }

  /// A note about one workload (a default applied, a violation, an object refused).
  public struct Note: Sendable, Equatable {
    public var workload: String
    public var namespace: String
    public var text: String
  }

  /// An autoscaler and the workload it scales.
  public struct Autoscaler: Sendable, Equatable {
    public var name: String
    public var namespace: String
    public var target: String
    public var minReplicas: Int
    public var maxReplicas: Int
    /// Whether the target is among the manifests.
    public var matched: Bool
  }

  /// A Job or CronJob: reported, never part of the steady footprint.
  public struct Batch: Sendable, Equatable {
    public var name: String
    public var kind: String
    public var namespace: String
    /// Pods at once (Job parallelism; a CronJob runs one Job per schedule).
    public var pods: Int
    public var cpuMillicores: Int64
    public var memoryBytes: Int64
    public var schedule: String?
  }

  /// An object read but not sized.
  public struct Ignored: Sendable, Equatable {
    public var kind: String
    public var name: String
    public var file: String
  }

  public var namespaces: [String] = []
  public var limitRanges: [LimitRange] = []
  public var quotas: [QuotaState] = []
  public var defaults: [Note] = []
  public var violations: [Note] = []
  /// Objects a `count/…` quota refused (their pods are never created).
  public var objectRefusals: [Note] = []
  public var pods: [Pod] = []
  public var autoscalers: [Autoscaler] = []
  public var batch: [Batch] = []
  public var ignored: [Ignored] = []
  public var notes: [String] = []

  public init() {}

  /// Pods refused, in the steady state and at the autoscaler peak.
  public var refusedPods: [Pod] { pods.filter { !$0.admitted } }

  /// Whether there is anything admission-related to show.
  public var isEmpty: Bool {
    limitRanges.isEmpty && quotas.isEmpty && autoscalers.isEmpty && batch.isEmpty && ignored.isEmpty
      && violations.isEmpty && notes.isEmpty
  }
}
