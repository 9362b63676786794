import CapacityModel
import Testing

@testable import CapacityAnalysis

/// A category's endpoints: summed over the category's messages, the most first, ties by method
/// and name, three listed and all counted.
@Suite struct ErrorTaxonomyTests {
  private let refused = "ConnectionRefusedError(111, 'Connection refused')"
  private let refusedOther = "NewConnectionError: [Errno 111] Connection refused"

  @Test func endpointsAreSummedRankedAndCounted() throws {
    let records = [
      ErrorRecord(method: "GET", name: "/a", message: refused, occurrences: 5),
      ErrorRecord(method: "GET", name: "/a", message: refusedOther, occurrences: 4),
      ErrorRecord(method: "POST", name: "/b", message: refused, occurrences: 9),
      ErrorRecord(method: "GET", name: "/c", message: refused, occurrences: 2),
      ErrorRecord(method: "DELETE", name: "/d", message: refused, occurrences: 2),
      ErrorRecord(method: "GET", name: "/e", message: "HTTPError('500 Server Error')", occurrences: 7),
    ]
    let summaries = ErrorTaxonomy().summarize(records)
    let connection = try #require(summaries.first { $0.category == .connectionRefused })
    #expect(connection.count == 22)
    // /a 5 + 4 ties /b 9: method then name decides (GET before POST); /c and /d tie at 2 likewise.
    #expect(
      connection.endpoints == [
        ErrorEndpoint(method: "GET", name: "/a", count: 9),
        ErrorEndpoint(method: "POST", name: "/b", count: 9),
        ErrorEndpoint(method: "DELETE", name: "/d", count: 2),
      ])
    #expect(connection.endpointCount == 4)
    let server = try #require(summaries.first { $0.category == .http5xx })
    #expect(server.endpoints == [ErrorEndpoint(method: "GET", name: "/e", count: 7)])
    #expect(server.endpointCount == 1)
  }
}
