import CapacityPlanning

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
  /// Recovery around fault events (from `--events`) or detected incidents, per run.
  public var chaos: [ChaosEntry] = []
  /// How the events file was read: the words taken as fault ends, end actions that closed nothing.
  public var chaosNotes: [String]? = nil
  /// Scenarios of this report with two or more stored runs, each run's headline figures.
  public var trends: [TrendEntry] = []
  /// The profile the answer names and the table's verdict for it; absent without profiles.
  public var recommendation: AnswerRecommendationEntry? = nil

  public struct TrendEntry: Sendable, Equatable, Codable {
    public var scenario: String
    public var points: [TrendPointEntry]
  }

  public struct TrendPointEntry: Sendable, Equatable, Codable {
    public var runId: String
    public var startedAt: String?
    public var requests: Int64
    public var rps: Double
    public var p95Ms: Double?
    public var errorRate: Double
  }

  public struct ChaosEntry: Sendable, Equatable, Codable {
    public var run: String
    public var runId: String
    public var time: String
    public var action: String
    public var target: String
    /// `events-file` or `detected`.
    public var origin: String
    public var resolutionS: Double
    public var interruptionS: Double
    public var interruptionStartS: Double?
    public var burstS: Double
    public var burstFailures: Int64
    public var failedRequests: Int64
    public var baselineP95Ms: Double?
    public var recoveryS: Double?
    public var baselineRps: Double?
    public var lowestRps: Double?
    public var throughputDipPct: Double?
    public var targetS: Double?
    /// `interruption` or `recovery`.
    public var judgedOn: String?
    public var pass: Bool?
    public var notes: [String]
    /// The action that ended the fault (`unfreeze`, `restart`) and when; shown, never judged.
    public var endAction: String? = nil
    /// The event's time as Unix seconds (ms precision); `time` is to the second.
    public var timeEpochS: Double? = nil
    public var endTime: String? = nil
    public var endS: Double? = nil
    /// The fault's window, seconds from the event, and what ended it (`recovery-plus-settle`,
    /// `next-fault`, `run-end`); the baseline's length; the gap between successes taken as normal.
    public var windowS: Double? = nil
    public var windowEnd: String? = nil
    public var baselineS: Double? = nil
    public var normalGapS: Double? = nil
    /// `no visible effect`, `recovered`, `not recovered before the next fault`, `not recovered
    /// before the run ended`.
    public var effect: String? = nil
  }
  /// Saturation series (stepped runs, and runs at different user counts); absent when none.
  public var saturation: [SaturationEntry]? = nil
  /// What the resource samples say and the measured recommendation; absent without resource files.
  public var resources: ResourcesEntry? = nil
  /// LimitRange defaults, quota admission, autoscalers, batch work and ignored objects; absent without
  /// Kubernetes manifests.
  public var quotaAndLimits: QuotaAndLimitsEntry? = nil
  /// What the views draw of each run beyond report.json, by run id; not encoded (`CodingKeys`).
  public var runDetails: [String: RunDetail] = [:]

  /// report.json's keys: every stored property but `runDetails`. A property missing here is missing
  /// from report.json: add new keys here too (`ReportDocumentTests` checks that only `runDetails` is left out).
  enum CodingKeys: String, CodingKey, CaseIterable {
    case schema, answer, evidence, slo, runs, footprint, profiles, methods, skippedFiles, chaos, chaosNotes
    case trends, recommendation, saturation, resources, quotaAndLimits
  }

  public struct SLOEntry: Sendable, Equatable, Codable {
    public var p95Ms: Double
    public var errorRate: Double
    /// Every objective in force, the `--slo` file they came from, and each run's result.
    public var objectives: [ObjectiveEntry]? = nil
    public var source: String? = nil
    public var results: [SLOResultEntry]? = nil
    /// APDEX target time T (`--apdex-t`, else the p95 objective ÷ 4); present when a run has APDEX.
    public var apdexTMs: Double? = nil
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
    /// Raw-log rows not counted as requests, by reason (`sub-result`, `transaction-parent`).
    public var setAside: [SetAsideEntry] = []
    /// Why the run missed an objective; absent when it met them all.
    public var sloCause: SLOCauseEntry? = nil
    /// JMeter Transaction Controller parents, shaped like `endpoints`; absent when there are none.
    public var transactions: [EndpointEntry]? = nil
    /// Raw logs: the session of its file (`FILE#2`) and the load generators merged into the run.
    public var session: SessionEntry?
    public var generators: [GeneratorEntry]?
    /// Raw request logs: APDEX of all requests against `slo.apdex_t_ms`; absent for Locust.
    public var apdex: ApdexEntry? = nil
    /// Raw request logs with a status per request: requests per status class; absent otherwise.
    public var statusCodes: StatusCodesEntry? = nil
    /// JMeter `Latency`/`Connect`, k6 `http_req_waiting`/`http_req_connecting`: absent when the
    /// file has no such column.
    public var timeToFirstByteMs: TimingEntry? = nil
    public var connectMs: TimingEntry? = nil
  }

  public struct SessionEntry: Sendable, Equatable, Codable {
    public var index: Int
    public var of: Int
    public var gapS: Int64
  }

  public struct GeneratorEntry: Sendable, Equatable, Codable {
    public var file: String
    public var requests: Int64
  }

  public struct SetAsideEntry: Sendable, Equatable, Codable {
    public var reason: String
    public var count: Int64
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
    /// The endpoints with the most failures of the category (up to three), and how many had any.
    public var endpoints: [ErrorEndpointEntry] = []
    public var endpointCount = 0
  }

  public struct ErrorEndpointEntry: Sendable, Equatable, Codable {
    public var method: String
    public var name: String
    public var count: Int64
  }

  public struct EndpointEntry: Sendable, Equatable, Codable {
    public var method: String
    public var name: String
    public var requests: Int64
    public var failures: Int64
    public var errorRate: Double
    public var rps: Double
    public var latencyMs: LatencyEntry
    /// Raw request logs: APDEX against `slo.apdex_t_ms`; absent for Locust.
    public var apdex: ApdexEntry? = nil
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
    /// A ramp's band: its lowest and highest user count (`users` is the time-weighted mean).
    public var usersLow: Int? = nil
    public var usersHigh: Int? = nil
  }

  public struct FootprintEntry: Sendable, Equatable, Codable {
    public var cpuMillicores: Int64
    public var memoryBytes: Int64
    public var cpuLimitMillicores: Int64?
    public var memoryLimitBytes: Int64?
    public var components: [ComponentEntry]
    /// The same requests with every autoscaled component at `maxReplicas`; absent without autoscalers.
    public var cpuPeakMillicores: Int64? = nil
    public var memoryPeakBytes: Int64? = nil
  }

  public struct ComponentEntry: Sendable, Equatable, Codable {
    public var name: String
    public var kind: String
    public var replicas: Int
    /// Per replica (effective pod request).
    public var cpuMillicores: Int64
    public var memoryBytes: Int64
    public var source: String
    public var namespace: String? = nil
    /// The autoscaler's range; `replicas` is then `min_replicas`.
    public var minReplicas: Int? = nil
    public var maxReplicas: Int? = nil
    /// Per replica, when any container requests ephemeral storage.
    public var ephemeralStorageBytes: Int64? = nil
    /// `true` for `replicas: 0`.
    public var scaledDown: Bool? = nil
    public var limitRangeDefaults: [String]? = nil
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
    /// The profile table's one verdict from every view (`verdict` stays the requests view's).
    public var combinedVerdict: String? = nil
    /// The views behind `combined_verdict`, and why.
    public var verdictBasis: [String] = []
    public var verdictReasons: [String] = []
    /// The load it carries within the SLO and the web replicas that give it.
    public var carriesUsers: Int? = nil
    public var carriesRps: Double? = nil
    public var carriesWebReplicas: Int? = nil
    /// `measured usage` or `requests`: at which per-replica requests the replicas were counted.
    public var carriesBasis: String? = nil
    /// Whether the requests fit with every autoscaled component at `maxReplicas`; absent without autoscalers.
    public var peakFits: Bool? = nil
    public var peakCpuRequestsPct: Double? = nil
    public var peakMemoryRequestsPct: Double? = nil
    /// The profile's own quota replayed over the manifests; absent when the profile carries none.
    public var quota: ProfileQuotaEntry? = nil
  }

  public struct OverheadEntry: Sendable, Equatable, Codable {
    public var model: String
    public var cpuMillicores: Int64
    public var memoryBytes: Int64
    /// Where the overhead figures come from.
    public var source: String? = nil

    /// As `Overhead.summary`.
    public var summary: String {
      Overhead(model: model, cpuMillicores: cpuMillicores, memoryBytes: memoryBytes).summary
    }
  }

  public struct ScaleDownEntry: Sendable, Equatable, Codable {
    public var component: String
    public var from: Int
    public var to: Int
  }
}
