import Foundation
import Testing

@testable import CapacityTestSupport

/// k6 CSV output: a generated file against DuckDB.
@Suite struct K6CSVParserTests {
  @Test func k6PercentilesEqualDuckDB() throws {
    let run = try RawLogs.run(path: RawLogs.fixture("generated_k6_300.csv"))
    try DuckDBAnchor.expectK6Agreement(run)
    #expect(run.timeline.map(\.users).max() ?? 0 > 0)
  }
}
