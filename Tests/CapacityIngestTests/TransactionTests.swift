import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityPlanning
@testable import CapacityReport
@testable import CapacityStore
@testable import CapacityTestSupport

/// JMeter Transaction Controller parents as transactions: a real JMeter 2.13 ramp with
/// "TC Checkout flow" checked against DuckDB `quantile_cont` on the same file, the XML parent form,
/// the store and the SLO file.
@Suite struct TransactionTests {
  static let folder = "Tests/Fixtures/ramps"

  static func jmeterRamp() throws -> Run {
    try RawLogs.run(path: Corpus.path("\(folder)/jmeter_ramp_tc.jtl"))
  }

  static func duckdb() throws -> [String: Any] {
    let data = try Data(
      contentsOf: URL(fileURLWithPath: Corpus.path("\(folder)/jmeter_ramp_tc.transactions.duckdb.json")))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func transactionPercentilesEqualDuckDB() throws {
    let run = try Self.jmeterRamp()
    let anchor = try Self.duckdb()
    let expected = try #require(anchor["transactions"] as? [[String: Any]])
    #expect(run.transactions.map(\.name) == expected.compactMap { $0["name"] as? String })
    for (stats, want) in zip(run.transactions, expected) {
      func value(_ key: String) throws -> Double { try #require((want[key] as? NSNumber)?.doubleValue) }
      #expect(Double(stats.requests) == (try value("count")))
      #expect(Double(stats.failures) == (try value("failures")))
      for (quantile, key) in [(0.5, "p50"), (0.9, "p90"), (0.95, "p95"), (0.99, "p99")] {
        let measured = try #require(stats.percentile(quantile))
        #expect(abs(measured - (try value(key))) < 0.01, "\(key): \(measured)")
      }
      #expect(stats.maxMs == (try value("max")))
    }
    // Kept out of the request totals: the rows that are not transaction parents.
    #expect(run.total?.requests == (anchor["requests"] as? NSNumber)?.int64Value)
    #expect(run.total?.failures == (anchor["failures"] as? NSNumber)?.int64Value)
    #expect(!run.endpoints.contains { $0.name == "TC Checkout flow" })
    #expect(run.timeline.last?.totalRequests == run.total?.requests)
    // JMeter 2.13's own `summary =` still counts the parents: 2826 = 2578 requests + 248.
    let summary = try RawLogs.summaryTotal("../ramps/jmeter_ramp_tc_console.log")
    #expect(summary == (run.total?.requests ?? 0) + (run.transactions.first?.requests ?? 0))
    #expect(run.setAside == [SetAsideCount(reason: .transactionParent, count: 248)])
  }

  @Test func transactionsReachTheAnalysisAndTheReport() throws {
    let analysis = RunAnalyzer().analyze(try Self.jmeterRamp())
    let transaction = try #require(analysis.transactions.first)
    #expect(transaction.name == "TC Checkout flow")
    #expect(transaction.latency.method == .exactR7)
    let document = ReportBuilder().document(
      analyses: [analysis], plan: CapacityPlan(profiles: Profile.builtIns, deployment: nil))
    let entry = try #require(document.runs.first?.transactions?.first)
    #expect(entry.name == "TC Checkout flow")
    #expect(entry.requests == 248)
    #expect(entry.latencyMs.p95 == 28061.2)
    #expect(document.runs.first?.steps.first?.usersLow != nil)
    let output = try ReportRenderer().render(document)
    for text in [output.html, output.markdown] {
      #expect(text.contains("Transactions"))
      #expect(text.contains("TC Checkout flow"))
      #expect(text.contains("Ramp bands"))
    }
    #expect(output.html.contains("<td class=\"mono\">TC Checkout flow</td><td class=\"num\">248</td>"))
  }

  /// A results file appended to by two sessions an hour apart: each session's run gets only its
  /// own transaction samples and failures. By hand: the first session has parents of 300, 500
  /// (failed) and 700 ms, the second 100 and 900 ms (failed, failed).
  static let header =
    "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
    + "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect"

  /// A JTL CSV row; labels starting "TC" are parents, known by their response message, which
  /// JMeter quotes (it holds a comma).
  static func row(_ ms: Int64, _ elapsed: Int, _ label: String, ok: Bool) -> String {
    let message =
      label.hasPrefix("TC")
      ? "\"Number of samples in transaction : 1, number of failing samples : 0\"" : "OK"
    return "\(ms),\(elapsed),\(label),\(ok ? 200 : 500),\(message),g 1-1,text,\(ok),,1,1,1,1,,0,0,0"
  }

  static func runs(_ rows: [String]) throws -> [Run] {
    let bytes = Array((([header] + rows).joined(separator: "\n") + "\n").utf8)
    return try RawLogRunBuilder().build([InputFile(path: "t.jtl", kind: .jmeterCSV, bytes: bytes)])
  }

  /// A parent with a negative elapsed is set aside as a request would be, and names past the cap
  /// are counted as `(other)`. By hand: 1 500 names of 10 ms, one parent of −5 ms.
  @Test func implausibleParentsAreSetAsideAndRareNamesFold() throws {
    let start: Int64 = 1_700_000_000_000
    var rows = (0..<1_500).map { Self.row(start + Int64($0), 10, "TC \($0)", ok: true) }
    rows.append(Self.row(start + 1_500, -5, "TC 0", ok: true))
    let run = try #require(try Self.runs(rows).first)
    let cap = RequestAccumulator.maximumTransactionNames
    #expect(run.transactions.count == cap + 1)
    #expect(
      run.transactions.first { $0.name == RequestAccumulator.otherLabel }?.requests == Int64(1_500 - cap))
    #expect(run.transactions.map(\.requests).reduce(0, +) == 1_500)
    #expect(run.transactions.allSatisfy { ($0.minMs ?? 0) >= 0 })
    #expect(run.setAside.contains(SetAsideCount(reason: .implausibleLatency, count: 1)))
    #expect(run.setAside.contains(SetAsideCount(reason: .transactionParent, count: 1_500)))
  }

  @Test func eachSessionGetsItsOwnTransactionsAndFailures() throws {
    func row(_ ms: Int64, _ elapsed: Int, _ label: String, ok: Bool) -> String {
      Self.row(ms, elapsed, label, ok: ok)
    }
    let first: Int64 = 1_700_000_000_000
    let second = first + 3_600_000
    var rows: [String] = []
    for (offset, elapsed, ok) in [(0, 300, true), (1_000, 500, false), (2_000, 700, true)] {
      rows += [
        row(first + Int64(offset), 50, "GET /a", ok: true),
        row(first + Int64(offset), elapsed, "TC flow", ok: ok),
      ]
    }
    for (offset, elapsed) in [(0, 100), (1_000, 900)] {
      rows += [
        row(second + Int64(offset), 50, "GET /a", ok: true),
        row(second + Int64(offset), elapsed, "TC flow", ok: false),
      ]
    }
    let runs = try Self.runs(rows)
    #expect(runs.count == 2)
    let transactions = runs.map { $0.transactions.first }
    #expect(transactions.map { $0?.requests } == [3, 2])
    #expect(transactions.map { $0?.failures } == [1, 2])
    #expect(transactions.map { $0?.percentile(0.5) } == [500, 500])
    #expect(transactions.map { $0?.maxMs } == [700, 900])
    #expect(runs.map { $0.total?.requests } == [3, 2])
  }

  @Test func anXMLParentHoldingItsChildrenIsATransaction() throws {
    let xml = """
      <?xml version="1.0" encoding="UTF-8"?>
      <testResults version="1.2">
      <sample t="300" lt="0" ts="1700000000000" s="true" lb="TC Checkout flow" rc="200" \
      rm="Number of samples in transaction : 2, number of failing samples : 0" tn="g 1-1" na="1" ng="1">
        <httpSample t="100" ts="1700000000000" s="true" lb="GET /a" rc="200" rm="OK" tn="g 1-1" na="1" ng="1"/>
        <httpSample t="200" ts="1700000000100" s="true" lb="GET /b" rc="200" rm="OK" tn="g 1-1" na="1" ng="1"/>
      </sample>
      <sample t="500" lt="0" ts="1700000001000" s="false" lb="TC Checkout flow" rc="500" \
      rm="Number of samples in transaction : 1, number of failing samples : 1" tn="g 1-1" na="1" ng="1">
        <httpSample t="500" ts="1700000001000" s="false" lb="GET /a" rc="500" rm="Error" tn="g 1-1" na="1" ng="1"/>
      </sample>
      </testResults>

      """
    let run = try RawLogs.run(text: xml, path: "tc.xml")
    #expect(run.total?.requests == 3)
    #expect(run.total?.failures == 1)
    let transaction = try #require(run.transactions.first)
    #expect(run.transactions.count == 1)
    #expect(transaction.requests == 2)
    #expect(transaction.failures == 1)
    #expect(transaction.percentile(0.5) == 400)
    #expect(transaction.maxMs == 500)
  }

  @Test func transactionsLoadBackFromTheStore() throws {
    let store = try RunStore(path: ":memory:")
    let run = try Self.jmeterRamp()
    #expect(try store.insert(run, ingestedAt: Date(timeIntervalSince1970: 0)))
    let loaded = try store.run(id: run.id)
    #expect(loaded.transactions == run.transactions)
    #expect(loaded == run)
  }

  @Test func anSLOObjectiveCanNameATransaction() throws {
    let slo = try SLOLoader().parse(
      yaml: """
        objectives:
          - {transaction: "TC Checkout flow", metric: p95_ms, max: 2000}
          - {transaction: "TC Nope", metric: p95_ms, max: 2000}
        """, file: "slo.yaml")
    #expect(
      slo.objectives.first == SLOObjective(metric: .p95Ms, limit: 2000, transaction: "TC Checkout flow"))
    #expect(slo.objectives.first?.description == "transaction TC Checkout flow p95_ms ≤ 2000")
    // The run-wide defaults still apply: a transaction objective is not run-wide.
    #expect(slo.objectives.contains(SLOObjective(metric: .p95Ms, limit: 500)))
    let analysis = RunAnalyzer().analyze(try Self.jmeterRamp())
    let results = SLOEvaluator(objectives: slo).evaluate([analysis])
    let checkout = try #require(results.first)
    #expect(checkout.passed == false)
    #expect(abs((checkout.measured ?? 0) - 28061.2) < 0.01)
    #expect(checkout.detail.contains("for transaction TC Checkout flow"))
    #expect(results[1].measured == nil)
    #expect(results[1].detail == "not measured: no transaction 'TC Nope' in the run")
    #expect(throws: PlanningError.self) {
      try SLOLoader().parse(
        yaml: "objectives:\n  - {transaction: \"TC\", endpoint: \"/a\", metric: p95_ms, max: 1}\n",
        file: "b.yaml")
    }
  }
}
