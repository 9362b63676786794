import Foundation
import Testing

@testable import CapacityTestSupport

/// k6 CSV output: a generated file against DuckDB.
@Suite struct K6CSVParserTests {
  @Test func k6PercentilesEqualDuckDB() throws {
    let run = try RawLogs.run(path: RawLogs.fixture("generated_k6_300.csv"))
    let anchor = try RawLogs.anchor("generated_k6_300.duckdb.json")
    // Endpoints are (method, name): per-endpoint values from the pure-Python anchor keyed so.
    let labels = try #require(
      try RawLogs.anchor("generated_k6_300.bymethod.json")["labels"] as? [String: [String: Any]])
    #expect(run.tool == .k6)
    #expect(run.endpoints.count == labels.count)
    for endpoint in run.endpoints {
      try DuckDBAnchor.expectAgreement(endpoint, try #require(labels["\(endpoint.method) \(endpoint.name)"]))
    }
    let overall = try #require(anchor["overall"] as? [String: Any])
    let total = try #require(run.total)
    try DuckDBAnchor.expectAgreement(total, overall)
    #expect(run.timeline.map(\.users).max() ?? 0 > 0)
  }
}
