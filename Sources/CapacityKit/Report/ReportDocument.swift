/// `report.json`: the stable, documented contract (docs/report-schema.md). Keys are encoded in
/// snake_case and sorted; units are in the key names; optional values are omitted when unknown.
public struct ReportDocument: Sendable, Equatable, Codable {
  public static let schemaVersion = "capacity-report/1"

  public var schema = ReportDocument.schemaVersion
  /// One sentence: which profile, and why.
  public var answer: String
  /// The evidence behind the answer, in a few sentences.
  public var evidence: [String]
  public var slo: SLOEntry
  public var runs: [RunEntry]
  public var footprint: FootprintEntry?
  public var profiles: [ProfileEntry]
  public var methods: [String]
  /// Files met while walking directories that match no supported format.
  public var skippedFiles: [String] = []
  /// What the resource samples say and the measured recommendation; absent without resource files.
  public var resources: ResourcesEntry? = nil

  public struct SLOEntry: Sendable, Equatable, Codable {
    public var p95Ms: Double
    public var errorRate: Double
  }

  public struct RunEntry: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var tool: String
    public var sourceFiles: [String]
    public var sha256: String
    public var startedAt: String?
    public var durationS: Double?
    public var usersMax: Int?
    public var requests: Int64?
    public var failures: Int64
    public var rps: Double
    public var errorRate: Double
    public var latencyMs: LatencyEntry
    public var validity: ValidityEntry
    public var excludedFromAnswer: Bool
    public var errors: [ErrorEntry]
    public var endpoints: [EndpointEntry]
    public var steps: [StepEntry]
    public var historyKind: String
    public var notes: [String]
    public var warnings: [String]
  }

  public struct LatencyEntry: Sendable, Equatable, Codable {
    public var p50: Double?
    public var p90: Double?
    public var p95: Double?
    public var p99: Double?
    public var p999: Double?
    public var mean: Double?
    public var max: Double?
    public var method: String
  }

  public struct ValidityEntry: Sendable, Equatable, Codable {
    public var verdict: String
    public var reasons: [String]
  }

  public struct ErrorEntry: Sendable, Equatable, Codable {
    public var category: String
    public var count: Int64
    public var share: Double
    public var connectionLevel: Bool
    public var examples: [String]
    public var firstSeen: String?
    public var lastSeen: String?
  }

  public struct EndpointEntry: Sendable, Equatable, Codable {
    public var method: String
    public var name: String
    public var requests: Int64
    public var failures: Int64
    public var errorRate: Double
    public var rps: Double
    public var latencyMs: LatencyEntry
  }

  public struct StepEntry: Sendable, Equatable, Codable {
    public var users: Int
    public var startS: Double
    public var endS: Double
    public var requests: Int64
    public var rps: Double
    public var p95Ms: Double?
    public var errorRate: Double
    public var steady: Bool
  }

  public struct FootprintEntry: Sendable, Equatable, Codable {
    public var cpuMillicores: Int64
    public var memoryBytes: Int64
    public var cpuLimitMillicores: Int64?
    public var memoryLimitBytes: Int64?
    public var components: [ComponentEntry]
  }

  public struct ComponentEntry: Sendable, Equatable, Codable {
    public var name: String
    public var kind: String
    public var replicas: Int
    /// Per replica (effective pod request).
    public var cpuMillicores: Int64
    public var memoryBytes: Int64
    public var source: String
  }

  public struct ProfileEntry: Sendable, Equatable, Codable {
    public var name: String
    public var cpuMillicores: Int64
    public var memoryBytes: Int64
    public var overhead: OverheadEntry
    public var cpuRequestsPct: Double?
    public var memoryRequestsPct: Double?
    public var verdict: String?
    public var reasons: [String]
    public var replicas: [String: Int]
    public var scaleDown: [ScaleDownEntry]
    /// The measured recommendation's requests as % of allocatable ("reality says").
    public var measuredCpuPct: Double? = nil
    public var measuredMemoryPct: Double? = nil
    /// The measured view's verdict, replicas and reasons for this profile.
    public var recommendation: ProfileRecommendationEntry? = nil
  }

  public struct OverheadEntry: Sendable, Equatable, Codable {
    public var model: String
    public var cpuMillicores: Int64
    public var memoryBytes: Int64
    /// Where the overhead figures come from.
    public var source: String? = nil
  }

  public struct ScaleDownEntry: Sendable, Equatable, Codable {
    public var component: String
    public var from: Int
    public var to: Int
  }
}
