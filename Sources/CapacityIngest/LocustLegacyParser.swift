import CapacityModel

/// Reads the CSVs of Locust 0.x (`--csv PREFIX` before 1.0): `PREFIX_requests.csv`
/// (`Method, Name, # requests, # failures, Median/Average/Min/Max response time, Average Content
/// Size, Requests/s`) and `PREFIX_distribution.csv` (`Name, # requests, 50%, 66%, … 100%`).
///
/// Their semantics differ from 1.x's `*_stats.csv`: `# requests` counts the *successful*
/// requests only (failures were logged apart), so a row's requests are `# requests + # failures`;
/// the response-time columns, `Requests/s` and the distribution's percentiles cover the
/// successful requests. The total row is named `Total` (method `None` or empty).
package struct LocustLegacyParser {
  package static let requestsColumns = ["Method", "Name", "# requests", "# failures"]
  package static let distributionColumns = ["Name", "# requests"]

  package func parseRequests(_ bytes: [UInt8], file: String) throws(IngestError) -> LocustFileParser.Stats {
    let table = try CSVTable(records: CSVReader().records(in: bytes, file: file), file: file)
    try table.requireColumns(Self.requestsColumns)
    var stats = LocustFileParser.Stats()
    for record in table.rows {
      var row = CSVRowReader(record, in: table)
      let successes = row.count("# requests")
      let failures = row.count("# failures")
      let requests = successes + failures
      // Requests/s was successes ÷ duration: scaled to all requests.
      let successRate = row.optionalDouble("Requests/s") ?? 0
      let perRequest = successes > 0 ? successRate / Double(successes) : 0
      var method = row.text("Method")
      if method == "None" { method = "" }
      let entry = EndpointStats(
        method: method, name: row.text("Name"), requests: requests, failures: failures,
        medianMs: row.optionalDouble("Median response time"),
        averageMs: row.optionalDouble("Average response time"),
        minMs: row.optionalDouble("Min response time"), maxMs: row.optionalDouble("Max response time"),
        averageContentBytes: row.optionalDouble("Average Content Size"),
        requestsPerSecond: perRequest * Double(requests), failuresPerSecond: perRequest * Double(failures))
      if let problem = row.problem {
        stats.diagnostics.append(Diagnostic(row.location, "\(problem); row skipped"))
      } else if entry.method.isEmpty && (entry.name == "Total" || entry.name == "Aggregated") {
        stats.total = entry
      } else {
        stats.endpoints.append(entry)
      }
    }
    stats.endpoints.sort { ($0.name, $0.method) < ($1.name, $1.method) }
    return stats
  }

  /// Percentiles by the distribution's row name (`GET /path`, or `Total`).
  package func parseDistribution(_ bytes: [UInt8], file: String) throws(IngestError) -> (
    percentiles: [String: [PercentileValue]], diagnostics: [Diagnostic]
  ) {
    let table = try CSVTable(records: CSVReader().records(in: bytes, file: file), file: file)
    try table.requireColumns(Self.distributionColumns)
    let columns = table.percentileColumns()
    var result: [String: [PercentileValue]] = [:]
    var diagnostics: [Diagnostic] = []
    for record in table.rows {
      var row = CSVRowReader(record, in: table)
      let values = columns.map { column in
        PercentileValue(
          quantile: column.quantile,
          valueMs: row.optionalDouble(at: column.position, named: table.header[column.position]))
      }
      if let problem = row.problem {
        diagnostics.append(Diagnostic(row.location, "\(problem); row skipped"))
      } else {
        result[row.text("Name")] = values
      }
    }
    return (result, diagnostics)
  }

  /// Puts the distribution's percentiles on the endpoints (`METHOD name`, else `name`) and the total.
  package static func apply(_ percentiles: [String: [PercentileValue]], to run: inout Run) {
    for index in run.endpoints.indices {
      let endpoint = run.endpoints[index]
      if let values = percentiles["\(endpoint.method) \(endpoint.name)"] ?? percentiles[endpoint.name] {
        run.endpoints[index].percentiles = values
      }
    }
    if let values = percentiles["Total"] ?? percentiles["None Total"] { run.total?.percentiles = values }
  }
}
