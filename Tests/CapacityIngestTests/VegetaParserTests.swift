import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityTestSupport

/// vegeta CSV results: nanosecond times, timeouts and HTTP errors.
@Suite struct VegetaParserTests {
  @Test func vegetaCSV() throws {
    let text = """
      1717000000123456789,200,8731123,0,5120,,,,0,GET,https://x.test/a,
      1717000000133456789,0,30000412345,0,0,"Get ""https://x.test/a"": context deadline exceeded",,,1,GET,https://x.test/a,
      1717000000143456789,503,12000345,0,19,503 Service Unavailable,c2VydmljZSB1bmF2YWlsYWJsZQ==,,2,GET,https://x.test/a,
      """
    let run = try RawLogs.run(text: text, path: "results.csv")
    #expect(run.tool == .vegeta)
    #expect(run.total?.requests == 3)
    #expect(run.total?.failures == 2)
    #expect(run.endpoints.first?.method == "GET")
    #expect(run.total?.maxMs == 30000.412345)
    let categories = run.errors.map { ErrorClassifier().classify($0.message) }.sorted()
    #expect(categories == [.timeout, .http5xx])
  }
}
