import Foundation
import Testing

@testable import CapacityModel
@testable import CapacityTestSupport

/// Checks a run's figures against an anchor written by DuckDB (or the pure-Python script) beside a
/// generated fixture: counts exact, percentiles to 1e-9 relative, mean to 1e-6 ms.
enum DuckDBAnchor {
  /// The generated k6 run (CSV or NDJSON, the same requests) against its anchors: endpoints keyed
  /// by method and name from the pure-Python anchor, the total from DuckDB.
  static func expectK6Agreement(_ run: Run) throws {
    let anchor = try RawLogs.anchor("generated_k6_300.duckdb.json")
    let labels = try #require(
      try RawLogs.anchor("generated_k6_300.bymethod.json")["labels"] as? [String: [String: Any]])
    #expect(run.tool == .k6)
    #expect(run.endpoints.count == labels.count)
    for endpoint in run.endpoints {
      try expectAgreement(endpoint, try #require(labels["\(endpoint.method) \(endpoint.name)"]))
    }
    try expectAgreement(try #require(run.total), try #require(anchor["overall"] as? [String: Any]))
  }

  static func expectAgreement(_ stats: EndpointStats, _ expected: [String: Any]) throws {
    #expect(stats.requests == Int64(try #require(expected["count"] as? Int)))
    #expect(stats.failures == Int64(try #require(expected["failures"] as? Int)))
    for (quantile, key) in [(0.5, "p50"), (0.9, "p90"), (0.95, "p95"), (0.99, "p99")] {
      let value = try #require(expected[key] as? Double)
      let ours = try #require(stats.percentile(quantile))
      #expect(abs(ours - value) <= 1e-9 * max(1, abs(value)), "\(stats.name) \(key): \(ours) vs \(value)")
    }
    #expect(abs((stats.maxMs ?? 0) - (try #require(expected["max"] as? Double))) < 1e-9)
    #expect(abs((stats.averageMs ?? 0) - (try #require(expected["mean"] as? Double))) < 1e-6)
  }
}
