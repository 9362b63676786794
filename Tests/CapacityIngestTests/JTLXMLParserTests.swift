import Foundation
import Testing

@testable import CapacityModel
@testable import CapacityTestSupport

/// JMeter XML results: real output against JMeter's console totals, a cut-off file, entities.
@Suite struct JTLXMLParserTests {
  @Test func corpusXMLTotalEqualsJMeterSummaryWithoutNestedRedirects() throws {
    let run = try RawLogs.run(path: RawLogs.fixture("jmeter_xml_results.jtl"))
    let total = try #require(run.total)
    #expect(total.requests == (try RawLogs.summaryTotal("jmeter_xml_console.log")))
    #expect(total.requests == 1088)
    // JMeter's summary: Avg 38, Min 2, Max 507.
    #expect(total.averageMs.map { $0.rounded() } == 39 || total.averageMs.map { $0.rounded(.down) } == 38)
    #expect(total.minMs == 2)
    #expect(total.maxMs == 507)
    #expect(run.setAside == [SetAsideCount(reason: .subResult, count: 60)])
    #expect(run.diagnostics.isEmpty)
  }

  @Test func truncatedXMLKeepsTheSamplesReadSoFar() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <testResults version="1.2">
      <httpSample t="10" ts="1700000000000" s="true" lb="A" rc="200" rm="OK" na="2"/>
      <sample t="30" ts="1700000000100" s="true" lb="TC" rc="200" rm="Number of samples in transaction : 1, number of failing samples : 0">
        <httpSample t="30" ts="1700000000100" s="false" lb="B" rc="503" rm="Service Unavailable" na="2"/>
      </sample>
      <httpSample t="12" ts="1700000001000" s="true" lb="A" rc="200" rm="OK" na="2"/>
      <httpSample t="9
      """
    let run = try RawLogs.run(text: text, path: "cut.jtl")
    #expect(run.total?.requests == 3)
    #expect(run.total?.failures == 1)
    #expect(run.setAside == [SetAsideCount(reason: .transactionParent, count: 1)])
    #expect(run.errors.map(\.message) == ["HTTP 503 Service Unavailable"])
    #expect(run.diagnostics.count == 1)
    #expect(run.diagnostics.first?.message.contains("cut off here") == true)
    #expect(run.diagnostics.first?.location.line == 8)
  }

  @Test func xmlEntitiesAreNotExpandedNorFetched() throws {
    let text = """
      <?xml version="1.0"?>
      <!DOCTYPE testResults [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
      <testResults version="1.2">
      <httpSample t="10" ts="1700000000000" s="true" lb="A" rc="200" rm="OK"/>
      <httpSample t="11" ts="1700000000000" s="true" lb="&secret;" rc="200" rm="OK"/>
      </testResults>
      """
    let run = try RawLogs.run(text: text, path: "xxe.jtl")
    let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8)) ?? "\u{0}"
    #expect(run.endpoints.allSatisfy { !$0.name.contains(hostname.trimmingCharacters(in: .newlines)) })
    // libxml2 refuses the external entity reference; the file is reported, never read from disk.
    #expect(!run.diagnostics.isEmpty)
  }
}
