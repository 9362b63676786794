import Foundation
import Testing

@testable import CapacityPrometheus

/// Credentials never reach a message or the report: the password and query values are masked,
/// the user info becomes a basic-auth header.
@Suite struct PrometheusEndpointTests {
  @Test func credentialsAreMaskedAndSentAsBasicAuth() throws {
    let endpoint = try PrometheusEndpoint("https://alice:s3cret@prom.example:9090/prefix/?api_key=abc123")
    #expect(endpoint.base == "https://prom.example:9090/prefix")
    #expect(endpoint.shown == "https://alice:***@prom.example:9090/prefix")
    #expect(!endpoint.masked.contains("s3cret") && !endpoint.masked.contains("abc123"))
    // base64("alice:s3cret"), as `printf alice:s3cret | base64` prints it.
    #expect(endpoint.authorization == "Basic YWxpY2U6czNjcmV0")
    let window = QueryWindow(start: 60, end: 120, stepSeconds: 15, rateSeconds: 60)
    let sent = endpoint.queryRangeURL("a + b", window: window)
    #expect(
      sent.hasPrefix("https://prom.example:9090/prefix/api/v1/query_range?api_key=abc123&query=a%20%2B%20b&"))
    #expect(sent.hasSuffix("start=60&end=120&step=15s"))
    let shown = endpoint.queryRangeURL("a + b", window: window, masked: true)
    #expect(
      shown.hasPrefix("https://alice:***@prom.example:9090/prefix/api/v1/query_range?api_key=***&query="))
    #expect(!shown.contains("s3cret") && !shown.contains("abc123"))
  }

  @Test func aPlainURLIsKeptAsIs() throws {
    let endpoint = try PrometheusEndpoint("http://127.0.0.1:9090/")
    #expect(endpoint.base == "http://127.0.0.1:9090")
    #expect(endpoint.shown == "http://127.0.0.1:9090")
    #expect(endpoint.authorization == nil)
  }

  @Test func whatIsNotAnHTTPURLIsRefusedMasked() {
    #expect(
      throws: PrometheusError.invalidURL(
        "***@host:9090", reason: "expected http://host:port or https://host:port")
    ) {
      try PrometheusEndpoint("bob:pw@host:9090")
    }
    #expect(throws: PrometheusError.self) { try PrometheusEndpoint("ftp://host/") }
    #expect(PrometheusEndpoint.mask("http://u:p@h:1/?token=t&x=1") == "http://u:***@h:1/?token=***&x=***")
  }

  /// The provenance written as a stored file's path reads back whole.
  @Test func provenanceReadsBack() throws {
    let window = QueryWindow(start: 1_796_133_467, end: 1_796_133_527, stepSeconds: 1, rateSeconds: 4)
    let provenance = PrometheusProvenance(
      server: "http://u:***@127.0.0.1:59090", name: "node-cpu", window: window,
      expression: #"sum(rate(node_cpu_seconds_total{mode!~"idle|iowait|steal"}[4s]))"#)
    #expect(
      provenance.path
        == #"http://u:***@127.0.0.1:59090 node-cpu 2026-12-01T13:57:47Z/2026-12-01T13:58:47Z step=1s: sum(rate(node_cpu_seconds_total{mode!~"idle|iowait|steal"}[4s]))"#
    )
    #expect(PrometheusProvenance(path: provenance.path) == provenance)
    #expect(PrometheusProvenance(path: "runs/prom/node-cpu.json") == nil)
  }
}
