import CapacityModel

/// Parses each of Locust's CSV files (`locust/stats.py`, `StatsCSV`) into model values.
///
/// Columns are found by header name, percentile columns by their `NN%` names (users change
/// `PERCENTILES_TO_REPORT`). A row that cannot be read becomes a `Diagnostic` and is skipped.
public struct LocustFileParser: Sendable {
  public init() {}

  /// Per-endpoint rows and the `Aggregated` total row of a `*_stats.csv`.
  public struct Stats: Sendable, Equatable {
    public var endpoints: [EndpointStats] = []
    public var total: EndpointStats?
    public var diagnostics: [Diagnostic] = []
  }

  /// The aggregate timeline of a `*_stats_history.csv`.
  public struct History: Sendable, Equatable {
    public var timeline: [TimelinePoint] = []
    /// Rows for single endpoints, present only with `--csv-full-history`.
    public var endpointRows = 0
    /// Those rows, per endpoint, sorted by name and method.
    public var endpointTimelines: [EndpointTimeline] = []
    public var diagnostics: [Diagnostic] = []
    public var kind: HistoryKind { endpointRows > 0 ? .currentWindow : .cumulative }
  }

  public func parseStats(_ bytes: [UInt8], file: String) throws(IngestError) -> Stats {
    let table = try CSVTable(records: CSVReader().records(in: bytes, file: file), file: file)
    try table.requireColumns(["Type", "Name", "Request Count", "Failure Count"])
    let percentiles = table.percentileColumns()
    var stats = Stats()
    for record in table.rows {
      var row = CSVRowReader(record, in: table)
      let entry = EndpointStats(
        method: row.text("Type"), name: row.text("Name"),
        requests: row.count("Request Count"), failures: row.count("Failure Count"),
        medianMs: row.optionalDouble("Median Response Time"),
        averageMs: row.optionalDouble("Average Response Time"),
        minMs: row.optionalDouble("Min Response Time"),
        maxMs: row.optionalDouble("Max Response Time"),
        averageContentBytes: row.optionalDouble("Average Content Size"),
        requestsPerSecond: row.optionalDouble("Requests/s") ?? 0,
        failuresPerSecond: row.optionalDouble("Failures/s") ?? 0,
        percentiles: percentiles.map { column in
          PercentileValue(
            quantile: column.quantile,
            valueMs: row.optionalDouble(at: column.position, named: table.header[column.position]))
        })
      if let problem = row.problem {
        stats.diagnostics.append(Diagnostic(row.location, "\(problem); row skipped"))
      } else if entry.failures > entry.requests {
        stats.diagnostics.append(
          Diagnostic(
            row.location,
            "\(entry.failures) failures but only \(entry.requests) requests for '\(entry.name)'; row skipped")
        )
      } else if entry.method.isEmpty && entry.name == "Aggregated" {
        stats.total = entry
      } else {
        stats.endpoints.append(entry)
      }
    }
    stats.endpoints.sort { ($0.name, $0.method) < ($1.name, $1.method) }
    // With rows skipped, the Aggregated row is the better total; otherwise the sums must agree.
    if stats.diagnostics.isEmpty { reconcileTotal(&stats, file: file) }
    return stats
  }

  /// An Aggregated row that disagrees with the endpoint rows it sums is a warning, and the
  /// endpoint sums are used for the counts (its percentiles, which cannot be summed, are kept).
  private func reconcileTotal(_ stats: inout Stats, file: String) {
    guard var total = stats.total, !stats.endpoints.isEmpty else { return }
    let requests = stats.endpoints.reduce(Int64(0)) { $0.saturatingAdd($1.requests) }
    let failures = stats.endpoints.reduce(Int64(0)) { $0.saturatingAdd($1.failures) }
    guard requests != total.requests || failures != total.failures else { return }
    stats.diagnostics.append(
      Diagnostic(
        SourceLocation(file: file),
        "the Aggregated row says \(total.requests) requests and \(total.failures) failures, the endpoint "
          + "rows sum to \(requests) and \(failures); the report uses the endpoint sums"))
    total.requests = requests
    total.failures = failures
    total.requestsPerSecond = stats.endpoints.reduce(0) { $0 + $1.requestsPerSecond }
    total.failuresPerSecond = stats.endpoints.reduce(0) { $0 + $1.failuresPerSecond }
    stats.total = total
  }

  public func parseHistory(_ bytes: [UInt8], file: String) throws(IngestError) -> History {
    let table = try CSVTable(records: CSVReader().records(in: bytes, file: file), file: file)
    try table.requireColumns([
      "Timestamp", "User Count", "Type", "Name", "Total Request Count", "Total Failure Count",
    ])
    let percentiles = table.percentileColumns(before: "Total Request Count")
    var history = History()
    var endpoints: [String: EndpointTimeline] = [:]
    for record in table.rows {
      var row = CSVRowReader(record, in: table)
      let isTotal = row.text("Type").isEmpty && row.text("Name") == "Aggregated"
      let point = TimelinePoint(
        timestamp: row.count("Timestamp"), users: Int(row.count("User Count")),
        requestsPerSecond: row.optionalDouble("Requests/s") ?? 0,
        failuresPerSecond: row.optionalDouble("Failures/s") ?? 0,
        percentiles: percentiles.map { column in
          PercentileValue(
            quantile: column.quantile,
            valueMs: row.optionalDouble(at: column.position, named: table.header[column.position]))
        },
        totalRequests: row.count("Total Request Count"),
        totalFailures: row.count("Total Failure Count"),
        totalAverageMs: row.optionalDouble("Total Average Response Time"))
      if let problem = row.problem {
        history.diagnostics.append(Diagnostic(row.location, "\(problem); row skipped"))
      } else if isTotal {
        history.timeline.append(point)
      } else {
        history.endpointRows += 1
        let method = row.text("Type")
        let name = row.text("Name")
        endpoints["\(name)\u{0}\(method)", default: EndpointTimeline(method: method, name: name, points: [])]
          .points.append(point)
      }
    }
    history.endpointTimelines = endpoints.keys.sorted().compactMap { endpoints[$0] }
    return history
  }

  /// Failure groups; `First Seen`/`Last Seen` exist only since Locust 2.44 and are optional.
  public func parseFailures(_ bytes: [UInt8], file: String) throws(IngestError) -> (
    errors: [ErrorRecord], diagnostics: [Diagnostic]
  ) {
    let table = try CSVTable(records: CSVReader().records(in: bytes, file: file), file: file)
    try table.requireColumns(["Method", "Name", "Error", "Occurrences"])
    var errors: [ErrorRecord] = []
    var diagnostics: [Diagnostic] = []
    for record in table.rows {
      var row = CSVRowReader(record, in: table)
      let error = ErrorRecord(
        method: row.text("Method"), name: row.text("Name"), message: row.text("Error"),
        occurrences: row.count("Occurrences"),
        firstSeen: UTCTimestamp.parse(row.text("First Seen")),
        lastSeen: UTCTimestamp.parse(row.text("Last Seen")))
      if let problem = row.problem {
        diagnostics.append(Diagnostic(row.location, "\(problem); row skipped"))
      } else {
        errors.append(error)
      }
    }
    return (errors, diagnostics)
  }

  public func parseExceptions(_ bytes: [UInt8], file: String) throws(IngestError) -> (
    exceptions: [ExceptionRecord], diagnostics: [Diagnostic]
  ) {
    let table = try CSVTable(records: CSVReader().records(in: bytes, file: file), file: file)
    try table.requireColumns(["Count", "Message", "Traceback"])
    var exceptions: [ExceptionRecord] = []
    var diagnostics: [Diagnostic] = []
    for record in table.rows {
      var row = CSVRowReader(record, in: table)
      let exception = ExceptionRecord(
        count: row.count("Count"), message: row.text("Message"), traceback: row.text("Traceback"),
        nodes: row.text("Nodes"))
      if let problem = row.problem {
        diagnostics.append(Diagnostic(row.location, "\(problem); row skipped"))
      } else {
        exceptions.append(exception)
      }
    }
    return (exceptions, diagnostics)
  }
}
