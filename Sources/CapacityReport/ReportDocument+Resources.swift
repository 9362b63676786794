extension ReportDocument {
  /// `resources`: files, per-run usage per component, CPU cost per req/s and the recommendation.
  public struct ResourcesEntry: Sendable, Equatable, Codable {
    public var files: [ResourceFileEntry]
    public var webComponent: String
    public var runs: [RunResourcesEntry]
    public var cpuCostAcrossRuns: [CPUCostEntry]
    public var recommendation: RecommendationEntry?
    public var notes: [String]
  }

  public struct ResourceFileEntry: Sendable, Equatable, Codable {
    public var path: String
    public var kind: String
    public var series: Int
    public var from: String?
    public var to: String?
  }

  public struct RunResourcesEntry: Sendable, Equatable, Codable {
    public var runId: String
    public var runName: String
    /// Share of the run's span covered by samples, 0–1.
    public var coverage: Double
    public var components: [UsageEntry]
    public var steps: [StepResourcesEntry]
    public var cpuCost: [CPUCostEntry]
    public var notes: [String]
    /// The selected series over the run in 10 s windows: `[[seconds from the run's start, value]]`.
    public var timelines: [TimelineEntry]
  }

  public struct TimelineEntry: Sendable, Equatable, Codable {
    public var component: String
    public var metric: String
    public var points: [[Double]]
  }

  /// One component's CPU (millicores) or memory (bytes) from one source.
  public struct UsageEntry: Sendable, Equatable, Codable {
    public var component: String
    public var metric: String
    public var unit: String
    public var source: String
    public var sourceKind: String
    public var selected: Bool
    public var samples: Int
    public var p50: Double
    public var p90: Double
    public var p95: Double
    public var max: Double
    public var mean: Double
  }

  public struct StepResourcesEntry: Sendable, Equatable, Codable {
    public var users: Int
    public var rps: Double
    public var components: [UsageEntry]
  }

  public struct CPUCostEntry: Sendable, Equatable, Codable {
    public var component: String
    public var millicoresPerRps: Double
    public var baseMillicores: Double
    public var p90MillicoresPerRps: Double
    public var p90BaseMillicores: Double
    public var points: Int
    public var basis: String
  }

  public struct RecommendationEntry: Sendable, Equatable, Codable {
    public var targetRps: Double
    public var targetUsers: Int?
    public var targetBasis: String
    public var perReplicaRps: Double
    public var throughputBasis: String
    public var utilisation: Double
    public var webComponent: String
    public var webReplicas: Int
    public var cpuMillicores: Int64
    public var memoryBytes: Int64
    public var components: [RecommendedComponentEntry]
    public var assumptions: [String]
  }

  public struct RecommendedComponentEntry: Sendable, Equatable, Codable {
    public var name: String
    public var replicas: Int
    /// Per replica.
    public var cpuMillicores: Int64
    public var memoryBytes: Int64
    public var manifestCpuMillicores: Int64?
    public var manifestMemoryBytes: Int64?
    public var basis: String
    public var derivation: String
  }

  public struct ProfileRecommendationEntry: Sendable, Equatable, Codable {
    public var verdict: String
    public var reasons: [String]
    /// Replicas per component of the recommended deployment.
    public var replicas: [String: Int]
    public var webReplicasThatFit: Int
    public var capacityRps: Double
  }
}
