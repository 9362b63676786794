/// What the Mustache templates see: pre-formatted strings only (POSIX numbers), never records.
/// Mustache reflects with `Mirror`, so a renamed field renders as empty: golden tests catch that.
public struct ReportView: Sendable {
  public var title: String
  public var answer: String
  public var evidence: [String]
  public var slo: String
  public var hasPlan: Bool
  public var profiles: [ProfileRow]
  public var footprint: [ComponentRow]
  /// Both totals in one phrase ("3350m CPU, 4608Mi"), for custom templates written before the
  /// two columns below.
  public var footprintTotal: String
  /// The footprint's CPU total, for the "CPU total" column.
  public var footprintTotalCPU: String
  /// The footprint's memory total, for the "Memory total" column.
  public var footprintTotalMemory: String
  public var runs: [RunSection]
  public var methods: [String]
  public var trends: [TrendSection]
  public var hasTrends: Bool
  public var chaos: [ChaosRow]
  public var hasChaos: Bool
  /// How the events file was read (end words, end actions that closed nothing).
  public var chaosNotes: [String] = []
  public var skippedFiles: [String]
  public var hasSkippedFiles: Bool
  public var runCount: Int
  public var fileCount: Int
  /// `6 runs from 19 files`.
  public var runsAndFiles = ""
  /// Saturation series (stepped runs, runs as steps), with charts.
  public var saturation: [SaturationSection] = []
  public var hasSaturation: Bool = false
  /// The one chart of the summary: the saturation curve, else the busiest valid run's chart.
  public var summaryChartSVG = ""
  public var hasSummaryChart = false
  /// What the summary chart shows, e.g. `Throughput by users, stepped`.
  public var summaryChartCaption = ""
  /// `3 files`: the skipped files, counted (their list is collapsed).
  public var skippedCount = ""
  /// capacity's version, for the footer.
  public var version = ""
  /// The newest run's end (UTC, ISO 8601), for the footer: from the data, not the clock, so a
  /// report of the same inputs is byte for byte the same.
  public var newestRunEnd = ""
  public var hasNewestRunEnd = false
  /// The Markdown summary's one chart: the first saturation series' throughput as Mermaid.
  public var summaryMermaid: [String] = []
  /// The first `maximumSkippedListed` skipped files, for the Markdown list, and what it leaves out.
  public var skippedListed: [String] = []
  public var skippedNotListed: [String] = []

  public struct SaturationSection: Sendable {
    public var source: String
    public var throughputSVG: String
    public var latencySVG: String
    public var saturationPoint: String
    public var bottleneck: String
    public var capacity: String
    public var fit: String
    public var hasFit: Bool
    public var coefficients: [String]
    public var uslMissing: String
    public var forecast: String
    public var knees: String
    public var rules: [String]
    public var notes: [String]
    /// Mermaid `xychart-beta` blocks (Markdown): req/s and p95 by users.
    public var mermaid: [String] = []
  }

  /// "Quota and limits": admission of the Kubernetes manifests; empty without them.
  public var hasQuota = false
  public var quotaSummary: [String] = []
  public var quotaDefaults: [String] = []
  public var quotaViolations: [String] = []
  public var quotaPods: [QuotaPodRow] = []
  /// Whether a quota or LimitRange judged the pods (else the per-workload table says nothing).
  public var hasQuotaPods = false

  /// Pods admitted and refused for one workload.
  public struct QuotaPodRow: Sendable {
    public var workload: String
    public var namespace: String
    public var admitted: String
    public var refused: String
    public var firstRefusal: String
  }

  /// The measured view (resource samples); empty without them.
  public var hasResources = false
  public var hasRecommendation = false
  public var recommendationSummary = ""
  public var realityRows: [RealityRow] = []
  public var replicaRows: [ReplicaRow] = []
  public var assumptions: [String] = []
  public var resourceRuns: [ResourceRunSection] = []
  public var resourceNotes: [String] = []
  public var resourceFiles: [FileRow] = []
  /// Where each overhead model's figures come from, once per model.
  public var overheadSources: [String] = []

  /// "Requests say / reality says" for one profile.
  public struct RealityRow: Sendable {
    public var name: String
    public var overhead: String
    public var requestsCPU: String
    public var requestsMemory: String
    public var requestsVerdict: String
    public var measuredCPU: String
    public var measuredMemory: String
    public var replicas: String
    public var fits: String
    public var verdict: String
    public var verdictClass: String
    public var reasonsText: String
  }

  public struct ReplicaRow: Sendable {
    public var name: String
    public var replicas: String
    public var cpu: String
    public var memory: String
    public var manifestCPU: String
    public var manifestMemory: String
    public var basis: String
    public var derivation: String
  }

  public struct ResourceRunSection: Sendable {
    public var name: String
    public var usage: [UsageRow]
    public var costs: [String]
    public var notes: [String]
    public var cpuChartSVG: String
    public var memoryChartSVG: String
    public var hasCharts: Bool
    /// Per load step and component: CPU p95 and memory peak of the sources used for sizing.
    public var steps: [StepUsageRow] = []
    public var hasSteps = false
  }

  public struct StepUsageRow: Sendable {
    public var users: String
    public var rps: String
    public var component: String
    public var cpuP95: String
    public var cpuMean: String
    public var memoryMax: String
  }

  public struct UsageRow: Sendable {
    public var component: String
    public var metric: String
    public var source: String
    public var selected: String
    public var p50: String
    public var p95: String
    public var max: String
    public var mean: String
  }

  public struct ProfileRow: Sendable {
    public var name: String
    public var capacity: String
    public var overhead: String
    /// Requests as % of allocatable.
    public var cpuPct: String
    public var memoryPct: String
    /// The table's one verdict from every view (`requestsVerdict` is the requests view's alone).
    public var verdict: String
    /// CSS class for the verdict badge: `bad`, `warn` or `good`.
    public var verdictClass: String
    public var reasons: [String]
    /// `reasons` joined with "; ", for one-line table cells.
    public var reasonsText: String
    public var requestsVerdict: String = ""
    /// Measured usage as % of allocatable, "–" without resource samples.
    public var measuredCPU: String = "–"
    public var measuredMemory: String = "–"
    /// `3 django replicas: 228 users / 139 req/s`, or "–".
    public var carries: String = "–"
    /// `requests and measured usage`.
    public var basis: String = ""
  }

  public struct ComponentRow: Sendable {
    public var name: String
    public var kind: String
    public var replicas: String
    public var cpu: String
    public var memory: String
    public var totalCPU: String
    public var totalMemory: String
  }

  public struct RunSection: Sendable {
    public var name: String
    public var anchor: String
    public var tool: String
    public var startedAt: String
    public var duration: String
    public var users: String
    public var requests: String
    public var failures: String
    public var failurePct: String
    public var rps: String
    public var p50: String
    public var p95: String
    public var p99: String
    public var max: String
    public var mean: String
    public var verdict: String
    public var verdictClass: String
    public var reasons: [String]
    /// `reasons` joined with "; ", plus the exclusion note, for one-line table cells.
    public var reasonsText: String
    public var excluded: Bool
    public var endpoints: [EndpointRow]
    public var errors: [ErrorRow]
    public var hasErrors: Bool
    public var steps: [StepRow]
    public var hasSteps: Bool
    public var chartSVG: String
    public var hasChart: Bool
    public var notes: [String]
    public var warnings: [String]
    public var hasWarnings: Bool
    public var files: [FileRow]
    public var id: String
    /// The steps are a ramp's concurrency bands.
    public var isRamp = false
    public var transactions: [TransactionRow] = []
    public var hasTransactions = false
    /// The run's charts beyond `chartSVG` (percentiles, endpoints, distribution), pre-rendered.
    public var charts: [ChartFigure] = []
    public var hasCharts = false
    /// APDEX of all requests, `–` without per-request latencies; T for the table's header.
    public var apdex = "–"
    public var apdexT = ""
    /// `APDEX 0.949 over all 1088 requests at T = 125 ms: 979 satisfied, 108 tolerating, 1 frustrated.`
    public var apdexSummary = ""
    public var hasApdex = false
    /// Mermaid `xychart-beta` blocks (Markdown): req/s and p95 over the run's time.
    public var mermaid: [String] = []
    /// `files` counted, e.g. `4 files`.
    public var fileCount = ""
    /// Raw logs: requests per status class (the classes that occur); else `statusNote` says why not.
    public var statusRows: [StatusRow] = []
    public var hasStatusRows = false
    public var statusNote = ""
    public var hasStatusNote = false
    /// Raw logs: time to first byte and connect time percentiles, or why the file has none.
    public var timingLines: [String] = []
  }

  /// One status class of a run: `5xx`, `36`, `2.41 %`.
  public struct StatusRow: Sendable {
    public var statusClass: String
    public var requests: String
    public var share: String
  }

  /// A JMeter Transaction Controller label: its samples and exact percentiles.
  public struct TransactionRow: Sendable {
    public var name: String
    public var count: String
    public var failures: String
    public var failurePct: String
    public var p50: String
    public var p90: String
    public var p95: String
    public var p99: String
    public var max: String
  }

  public struct EndpointRow: Sendable {
    public var method: String
    public var name: String
    public var requests: String
    public var failurePct: String
    public var rps: String
    public var p50: String
    public var p95: String
    public var p99: String
    public var max: String
    /// `0.94` (raw request logs), `–` without per-request latencies.
    public var apdex = "–"
  }

  public struct ErrorRow: Sendable {
    public var category: String
    public var count: String
    public var share: String
    public var connectionLevel: Bool
    public var examples: [String]
    /// `examples` joined with "; ".
    public var examplesText: String
    /// `GET /cart 12, POST /order 3 (+2 more)`; empty when the tool names no endpoint.
    public var endpointsText: String
  }

  public struct StepRow: Sendable {
    public var users: String
    public var window: String
    public var requests: String
    public var rps: String
    public var p95: String
    public var errorPct: String
    public var steady: String
  }

  public struct TrendSection: Sendable {
    public var scenario: String
    public var sparklineSVG: String
    public var rows: [TrendRow]
  }

  public struct TrendRow: Sendable {
    public var run: String
    public var startedAt: String
    public var rps: String
    public var p95: String
    public var errorPct: String
  }

  public struct ChaosRow: Sendable {
    public var run: String
    public var time: String
    public var event: String
    public var origin: String
    public var interruption: String
    public var burst: String
    public var failedRequests: String
    public var recovery: String
    /// `no visible effect`, `recovered`, `not recovered before the next fault`, …
    public var effect: String
    /// The fault's window, e.g. `+17.9 s (recovery + settle)`.
    public var window: String
    public var dip: String
    public var target: String
    public var verdict: String
    public var verdictClass: String
    public var chartSVG: String
    public var hasChart: Bool
    public var notes: [String]
  }

  public struct FileRow: Sendable {
    public var path: String
    public var role: String
    public var sha256: String
  }
}
