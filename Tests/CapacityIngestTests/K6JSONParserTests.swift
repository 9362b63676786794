import Foundation
import Testing

@testable import CapacityTestSupport

/// k6 NDJSON output: the same generated requests as the CSV, against DuckDB and the CSV run.
@Suite struct K6JSONParserTests {
  @Test func k6JSONPercentilesEqualDuckDB() throws {
    let run = try RawLogs.run(path: RawLogs.fixture("generated_k6_300.ndjson"))
    try DuckDBAnchor.expectK6Agreement(run)
    let csv = try RawLogs.run(path: RawLogs.fixture("generated_k6_300.csv"))
    #expect(run.timeline == csv.timeline)
    #expect(run.errors.map(\.occurrences) == csv.errors.map(\.occurrences))
  }
}
