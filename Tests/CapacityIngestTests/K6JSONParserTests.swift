import Foundation
import Testing

@testable import CapacityTestSupport

/// k6 NDJSON output: the same generated requests as the CSV, against DuckDB and the CSV run.
@Suite struct K6JSONParserTests {
  @Test func k6JSONPercentilesEqualDuckDB() throws {
    let run = try RawLogs.run(path: RawLogs.fixture("generated_k6_300.ndjson"))
    let anchor = try RawLogs.anchor("generated_k6_300.duckdb.json")
    // Endpoints are (method, name): per-endpoint values from the pure-Python anchor keyed so.
    let labels = try #require(
      try RawLogs.anchor("generated_k6_300.bymethod.json")["labels"] as? [String: [String: Any]])
    #expect(run.tool == .k6)
    #expect(run.endpoints.count == labels.count)
    for endpoint in run.endpoints {
      try DuckDBAnchor.expectAgreement(endpoint, try #require(labels["\(endpoint.method) \(endpoint.name)"]))
    }
    try DuckDBAnchor.expectAgreement(
      try #require(run.total), try #require(anchor["overall"] as? [String: Any]))
    let csv = try RawLogs.run(path: RawLogs.fixture("generated_k6_300.csv"))
    #expect(run.timeline == csv.timeline)
    #expect(run.errors.map(\.occurrences) == csv.errors.map(\.occurrences))
  }
}
