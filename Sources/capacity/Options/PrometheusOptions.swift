import ArgumentParser
import CapacityKit

/// Where resource samples are fetched from: a Prometheus server and the queries to ask it.
struct PrometheusOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Prometheus server to fetch each run's CPU and memory from (query_range over the run ± 60 s), e.g. "
        + "http://127.0.0.1:9090. user:password@ in the URL is sent as basic auth and masked in every "
        + "message and in the report.", valueName: "url"))
  var prometheus: String?

  @Option(
    name: .customLong("prom-query"),
    help: ArgumentHelp(
      "NAME=PROMQL: adds a query, or replaces the default of that name (node-cpu, node-cpus, node-memory, process-cpu, "
        + "process-memory, container-cpu, container-memory); NAME= drops it. $__rate_interval and "
        + "$__interval are filled in per run. Repeatable.", valueName: "name=promql"))
  var promQuery: [String] = []

  @Option(
    name: .customLong("prom-queries"),
    help: ArgumentHelp(
      "YAML file of queries, applied before --prom-query: 'queries: {NAME: PROMQL}', and 'defaults: false' "
        + "to start from none.", valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
  var promQueries: String?

  @Option(
    name: .customLong("prom-scrape-interval"),
    help: ArgumentHelp(
      "The server's scrape interval: the step, and the rate window max(step + interval, 4 × interval).",
      valueName: "duration"))
  var promScrapeInterval = "15s"

  @Option(
    name: .customLong("prom-step"),
    help: ArgumentHelp(
      "Step of the range queries; default the scrape interval, coarser when a run would pass 11000 points.",
      valueName: "duration"))
  var promStep: String?

  @Option(
    name: .customLong("prom-timeout"),
    help: ArgumentHelp("Seconds one request may take before it is retried.", valueName: "duration"))
  var promTimeout = "30s"

  @Option(
    name: .customLong("prom-retries"),
    help: ArgumentHelp(
      "Retries of a request that failed to connect, timed out or got 429/5xx (backoff 0.5 s, doubling).",
      valueName: "n"))
  var promRetries = 2

  func validate() throws {
    if prometheus == nil, !promQuery.isEmpty || promQueries != nil || promStep != nil {
      throw ValidationError("'--prom-query', '--prom-queries' and '--prom-step' need '--prometheus URL'")
    }
    let durations: [(String, String?)] = [
      ("--prom-scrape-interval", promScrapeInterval), ("--prom-timeout", promTimeout),
      ("--prom-step", promStep),
    ]
    for (flag, text) in durations {
      guard let text else { continue }
      guard let seconds = IngestOptions.seconds(text), seconds > 0 else {
        throw ValidationError("'\(flag)' must be a duration such as 15, 15s, 1m (got '\(text)')")
      }
    }
    guard (0...10).contains(promRetries) else { throw ValidationError("'--prom-retries' must be 0 to 10") }
    if prometheus != nil { _ = try fetcher() }
  }

  /// The fetcher the flags describe; `nil` without `--prometheus`.
  func fetcher() throws -> PrometheusFetcher? {
    guard let prometheus else { return nil }
    let file = try promQueries.map { try SettingsFileReader.read($0) }
    return PrometheusFetcher(
      endpoint: try PrometheusEndpoint(prometheus),
      queries: try PrometheusQuerySet.resolve(file: file, overrides: promQuery),
      http: PrometheusHTTP(
        timeoutSeconds: Double(IngestOptions.seconds(promTimeout) ?? 30), attempts: promRetries + 1),
      scrapeIntervalSeconds: IngestOptions.seconds(promScrapeInterval)
        ?? PrometheusFetcher.defaultScrapeIntervalSeconds,
      stepSeconds: promStep.flatMap(IngestOptions.seconds))
  }
}
