import Foundation

/// One load-test run, normalised from whatever tool produced it.
public struct Run: Sendable, Equatable {
  /// SHA-256 (hex) over the run's source files: the same files always give the same id.
  public var id: String
  /// Human name, usually the tool's file prefix (`light`, `stress`).
  public var name: String
  public var tool: LoadTool
  public var sourceFiles: [SourceFile]
  /// First and last instant the run's files cover, when they say.
  public var startedAt: Date?
  public var endedAt: Date?
  /// Per-endpoint statistics as the tool reported them, sorted by method and name.
  public var endpoints: [EndpointStats]
  /// The tool's own total row (Locust `Aggregated`), when present.
  public var total: EndpointStats?
  /// Aggregate history, one point per tick, in time order.
  public var timeline: [TimelinePoint]
  public var historyKind: HistoryKind
  public var errors: [ErrorRecord]
  public var exceptions: [ExceptionRecord]
  /// Recoverable problems met while reading the run's files.
  public var diagnostics: [Diagnostic]
  /// Per-endpoint history, sorted by name and method; empty unless the tool wrote it.
  public var endpointTimelines: [EndpointTimeline] = []
  /// How the run's percentiles were computed; `nil` means the tool's own (Locust buckets).
  public var latencyMethod: PercentileMethod?
  /// Rows of a raw request log that were not counted as requests (sub-results, transaction
  /// parents), by reason.
  public var setAside: [SetAsideCount]
  /// Raw request logs: each request's end to the millisecond (successes as a bitmap, failures
  /// listed), for per-request fault figures; `nil` for other tools and runs stored before it was kept.
  public var requestMarks: RequestMarks?
  /// JMeter Transaction Controller parents, by name, with exact percentiles: not requests, so not
  /// in `endpoints`, `total` or the timeline (as JMeter's `summary =` line leaves them out).
  public var transactions: [EndpointStats] = []
  /// One session of several in a file, or several files merged (raw logs only).
  public var origin: RunOrigin?
  /// Raw request logs: requests and p50/p95 per 5 s window, of all requests and per endpoint.
  public var requestWindows: [RequestWindowSeries] = []
  /// Raw request logs: successful requests by latency (ms, rounded up), all requests first, then
  /// each endpoint in `endpoints` order; empty for Locust and runs stored before it was kept.
  public var latencyCounts: [LatencyCounts] = []
  /// Raw request logs: requests per status class per window; `nil` for Locust, for logs without a
  /// status column and for runs stored before it was kept.
  public var statusCodes: StatusCodeSeries?
  /// Raw request logs: time to first byte and connect time (JMeter `Latency`/`Connect`, k6
  /// `http_req_waiting`/`http_req_connecting`), the phases the log times; empty otherwise.
  public var timings: [RequestTiming] = []

  public init(
    id: String, name: String, tool: LoadTool, sourceFiles: [SourceFile], startedAt: Date? = nil,
    endedAt: Date? = nil, endpoints: [EndpointStats] = [], total: EndpointStats? = nil,
    timeline: [TimelinePoint] = [], historyKind: HistoryKind = .none, errors: [ErrorRecord] = [],
    exceptions: [ExceptionRecord] = [], diagnostics: [Diagnostic] = [],
    latencyMethod: PercentileMethod? = nil, setAside: [SetAsideCount] = []
  ) {
    self.id = id
    self.name = name
    self.tool = tool
    self.sourceFiles = sourceFiles
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.endpoints = endpoints
    self.total = total
    self.timeline = timeline
    self.historyKind = historyKind
    self.errors = errors
    self.exceptions = exceptions
    self.diagnostics = diagnostics
    self.latencyMethod = latencyMethod
    self.setAside = setAside
  }
}

extension Run {
  /// Whether the timeline carries latency percentiles per time window (Locust's full history, or a
  /// raw log's window buckets), which comparison and recovery need.
  public var hasWindowedPercentiles: Bool {
    switch historyKind {
    case .currentWindow: true
    case .perSecond: timeline.contains { !$0.windowPercentiles.isEmpty }
    case .cumulative, .none: false
    }
  }
}

/// The load generator that wrote a run's files.
public enum LoadTool: String, Sendable, Codable, CaseIterable {
  case locust
  case jmeter
  case k6
  case vegeta
  case gatling
}

/// What a run's history holds, which decides what its percentiles over time mean.
public enum HistoryKind: String, Sendable, Codable {
  /// No history file.
  case none
  /// Locust `--csv-full-history`: per-endpoint rows, and percentiles over a ~10 s window.
  case currentWindow = "current-window"
  /// Locust without `--csv-full-history`: the percentiles are cumulative since the start.
  case cumulative
  /// A raw request log: exact per-second counts, no per-second percentiles.
  case perSecond = "per-second"
}
