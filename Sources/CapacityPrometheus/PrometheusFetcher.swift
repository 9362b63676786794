import AsyncHTTPClient
import CapacityIngest
import CapacityModel
import Foundation

/// Fetches every query for every window from one Prometheus server, one request at a time, and
/// reads each answer with Ingest's `PrometheusRangeParser`, exactly as a saved `query_range` file
/// would be read.
public struct PrometheusFetcher: Sendable {
  public var endpoint: PrometheusEndpoint
  public var queries: [PrometheusQuery]
  public var http: PrometheusHTTP
  /// The server's scrape interval (sets the step and the rate window).
  public var scrapeIntervalSeconds: Int64
  /// A step the user asked for; `nil` chooses one per window.
  public var stepSeconds: Int64?
  public var marginSeconds: Double

  public static let defaultScrapeIntervalSeconds: Int64 = 15

  public init(
    endpoint: PrometheusEndpoint, queries: [PrometheusQuery] = PrometheusQuery.defaults,
    http: PrometheusHTTP = PrometheusHTTP(), scrapeIntervalSeconds: Int64 = defaultScrapeIntervalSeconds,
    stepSeconds: Int64? = nil, marginSeconds: Double = QueryWindow.defaultMarginSeconds
  ) {
    self.endpoint = endpoint
    self.queries = queries
    self.http = http
    self.scrapeIntervalSeconds = scrapeIntervalSeconds
    self.stepSeconds = stepSeconds
    self.marginSeconds = marginSeconds
  }

  /// One window per run span (Unix seconds), in order, equal windows once.
  public func windows(for spans: [ClosedRange<Double>], now: Date) throws(PrometheusError) -> [QueryWindow] {
    var windows: [QueryWindow] = []
    for span in spans {
      let window = try QueryWindow.covering(
        span, margin: marginSeconds, scrapeInterval: scrapeIntervalSeconds, requestedStep: stepSeconds,
        now: now)
      if !windows.contains(window) { windows.append(window) }
    }
    return windows
  }

  /// Every query over every window. A query no window has data for is an error when the user
  /// wrote it, a warning when it is a default; no data at all is an error naming the server.
  ///
  /// Synchronous, as the commands and the store are: the calling thread waits on async-http-client's
  /// event loop futures. Its async API would need a bridge (a task awaited on a semaphore), and
  /// such a wait on a thread of Swift's concurrency pool, which a synchronous caller may well be on
  /// (a test, a library client), starves or deadlocks the pool on 2 cores; futures need only NIO's
  /// own threads.
  public func fetch(_ windows: [QueryWindow]) throws(PrometheusError) -> PrometheusFetch {
    var configuration = HTTPClient.Configuration()
    // No redirects: the basic-auth header must not follow one to another host; a 3xx is an error.
    configuration.redirectConfiguration = .disallow
    configuration.timeout = .init(connect: .milliseconds(Int64(min(http.timeoutSeconds, 10) * 1000)))
    // The pool would retry a refused connection until the connect timeout, silently; `PrometheusHTTP`
    // retries whole requests itself, bounded and with backoff, so a down server fails in a second.
    configuration.connectionPool.retryConnectionEstablishment = false
    let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    defer { try? client.syncShutdown() }
    return try fetch(windows, client: client)
  }

  private func fetch(_ windows: [QueryWindow], client: HTTPClient) throws(PrometheusError)
    -> PrometheusFetch
  {
    var fetch = PrometheusFetch()
    var empty: [String] = []
    var windowOfFile: [Int] = []
    for query in queries where query.name != PrometheusQuery.hostCPUsName {
      var found = false
      for (index, window) in windows.enumerated() {
        let file = try answer(query, window: window, client: client)
        fetch.warnings += file.diagnostics.map(\.description)
        if file.series.isEmpty { continue }
        found = true
        fetch.files.append(file)
        windowOfFile.append(index)
      }
      if !found { empty.append(query.name) }
    }
    if let count = queries.first(where: { $0.name == PrometheusQuery.hostCPUsName }) {
      try addHostCPUs(count, to: &fetch, windows: windows, windowOfFile: windowOfFile, client: client)
    }
    if fetch.files.isEmpty {
      throw .noSeries(url: endpoint.shown, queries: queries.map(\.name), windows: windows.count)
    }
    let missing = queries.filter { empty.contains($0.name) && $0.name != PrometheusQuery.hostCPUsName }
    if let mine = missing.first(where: { !$0.isDefault }) {
      throw .noSeries(url: endpoint.shown, queries: [mine.name], windows: windows.count)
    }
    fetch.warnings += missing.map { query in
      "warning: Prometheus at \(endpoint.shown) has no series for the default query \(query.name) "
        + "(\(query.expression)) in the runs' windows; skipped"
    }
    return fetch
  }

  /// The answer's bytes for one expression over one window.
  func get(_ expression: String, window: QueryWindow, client: HTTPClient) throws(PrometheusError)
    -> [UInt8]
  {
    try http.get(
      endpoint.queryRangeURL(expression, window: window), authorization: endpoint.authorization,
      shown: endpoint.queryRangeURL(expression, window: window, masked: true), client: client)
  }

  /// One query over one window, read as a resource file keyed by the hash of query and answer.
  func answer(_ query: PrometheusQuery, window: QueryWindow, client: HTTPClient) throws(PrometheusError)
    -> ResourceFile
  {
    let expression = query.rendered(for: window)
    let bytes = try get(expression, window: window, client: client)
    let provenance = PrometheusProvenance(
      server: endpoint.shown, name: query.name, window: window, expression: expression)
    let source = SourceFile(
      path: provenance.path, role: InputKind.prometheusRange.rawValue,
      sha256: PrometheusProvenance.digest(expression: expression, answer: bytes), bytes: Int64(bytes.count))
    do {
      return try PrometheusRangeParser().parse(bytes, source: source, query: expression)
    } catch {
      throw .notAnAnswer(url: endpoint.shown, query: query.name, reason: error.localizedDescription)
    }
  }
}
