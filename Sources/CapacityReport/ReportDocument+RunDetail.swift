import CapacityModel

extension ReportDocument {
  /// What the HTML and Markdown show of a run beyond report.json: its timeline (the charts), its
  /// files' roles and hashes, and its req/s unrounded. Carried in the document so the renderer
  /// needs nothing else; not encoded (`CodingKeys`), so report.json keeps its keys.
  public struct RunDetail: Sendable, Equatable {
    public var historyKind: HistoryKind
    /// Aggregate history, one point per tick, in time order.
    public var timeline: [TimelinePoint]
    public var sourceFiles: [SourceFile]
    /// The measured req/s: terminal and CI summaries round it once from here, not again from
    /// `runs[].rps`'s two places (3233.049 → 3233.05 → "3233.1" vs "3233.0").
    public var requestsPerSecond: Double
    /// The run's start, Unix seconds (resource timelines count from it).
    public var startedAt: Double? = nil
    /// Per-endpoint history (Locust full history) and raw-log 5 s windows, for the endpoint chart.
    public var endpointTimelines: [EndpointTimeline] = []
    public var requestWindows: [RequestWindowSeries] = []
    /// Raw logs: successful requests by latency, for the distribution chart.
    public var latencyCounts: [LatencyCounts] = []
    /// Raw logs: requests per status class per window, for the status codes chart.
    public var statusCodes: StatusCodeSeries?
    /// Raw logs: time to first byte and connect time, for their chart.
    public var timings: [RequestTiming] = []

    public init(
      historyKind: HistoryKind, timeline: [TimelinePoint], sourceFiles: [SourceFile],
      requestsPerSecond: Double
    ) {
      self.historyKind = historyKind
      self.timeline = timeline
      self.sourceFiles = sourceFiles
      self.requestsPerSecond = requestsPerSecond
    }
  }

  /// A run's req/s as measured (`runs[].rps` when the document has no detail of it).
  public func requestsPerSecond(of run: RunEntry) -> Double {
    runDetails[run.id]?.requestsPerSecond ?? run.rps
  }
}
