import CapacityModel
import Foundation
import Testing

@testable import CapacityTestSupport

/// Status classes per window and time to first byte / connect time of real and generated raw
/// logs, against `scripts/codes-truth/codes-truth.py` (DuckDB, `quantile_cont`) over the same
/// files (`Tests/Fixtures/raw/README.md` gives the commands).
@Suite struct StatusAndTimingTruthTests {
  static let cases = [
    ("jmeter_chaos_codes.jtl", "jmeter_chaos_codes.truth.json"),
    ("generated_4000.jtl", "generated_4000.codes.json"),
    ("generated_k6_300.csv", "generated_k6_300.codes.json"),
    ("generated_k6_300.ndjson", "generated_k6_300.codes.json"),
    ("jmeter_csv_results.jtl", "jmeter_csv_results.codes.json"),
    ("jmeter_xml_results.jtl", "jmeter_xml_results.codes.json"),
  ]

  static let classKeys: [String: StatusClass] = [
    "1xx": .informational, "2xx": .success, "3xx": .redirection, "4xx": .clientError, "5xx": .serverError,
    "no_response": .noResponse,
  ]

  @Test(arguments: cases)
  func statusClassesPerWindowMatchTheTruth(_ log: String, _ truthFile: String) throws {
    let run = try RawLogs.run(path: RawLogs.fixture(log))
    let truth = try RawLogs.anchor(truthFile)
    let codes = try #require(run.statusCodes)
    #expect(codes.seconds == truth["window_s"] as? Int)
    #expect(codes.start == (truth["base"] as? NSNumber)?.int64Value)
    #expect(codes.requests == (truth["requests"] as? NSNumber)?.int64Value)
    #expect(codes.requests == run.total?.requests)
    let totals = try #require(truth["status_codes"] as? [String: Int])
    for (key, statusClass) in Self.classKeys {
      #expect(codes.total(statusClass) == Int64(totals[key] ?? 0), "\(log) \(key)")
    }
    let windows = try #require(truth["windows"] as? [String: [String: Int]])
    for (index, counts) in codes.windows.enumerated() {
      let expected = windows[String(index)] ?? [:]
      for (key, statusClass) in Self.classKeys {
        #expect(counts[statusClass.rawValue] == Int64(expected[key] ?? 0), "\(log) window \(index) \(key)")
      }
    }
    #expect(windows.keys.compactMap(Int.init).allSatisfy { $0 < codes.windows.count })
  }

  /// The NDJSON fixture holds only the `http_req_duration` points (see its README line).
  @Test(arguments: cases.filter { !$0.0.hasSuffix(".ndjson") })
  func firstByteAndConnectPercentilesMatchTheTruth(_ log: String, _ truthFile: String) throws {
    let run = try RawLogs.run(path: RawLogs.fixture(log))
    let truth = try RawLogs.anchor(truthFile)
    for (key, phase) in [("latency", TimingPhase.firstByte), ("connect", .connect)] {
      guard let expected = truth[key] as? [String: Any] else {
        // The file has no such column (the corpus JTLs, JMeter 2.13's defaults, have no Connect).
        #expect(truth[key] is NSNull && !run.timings.contains { $0.phase == phase }, "\(log) \(key)")
        continue
      }
      let timing = try #require(run.timings.first { $0.phase == phase }, "\(log) \(key)")
      #expect(timing.method == .exactR7)
      #expect(timing.requests == run.total?.requests)
      for (quantile, value) in [("p50", timing.p50Ms), ("p95", timing.p95Ms), ("p99", timing.p99Ms)] {
        let want = try #require(expected[quantile] as? Double)
        #expect(abs((value ?? .nan) - want) < 1e-6, "\(log) \(key) \(quantile)")
      }
      let windows = try #require(expected["window_p95"] as? [String: Double])
      for (index, value) in timing.windowP95Ms.enumerated() {
        if let want = windows[String(index)] {
          #expect(abs((value ?? .nan) - want) < 1e-6, "\(log) \(key) window \(index)")
        } else {
          #expect(value == nil, "\(log) \(key) window \(index)")
        }
      }
    }
  }

  /// Gatling logs no codes (its OK/KO are counted instead) and no timed phases.
  @Test func gatlingCountsOKAndKO() throws {
    let gatling = try RawLogs.run(path: Corpus.path("Tests/Fixtures/realworld/gatling22_simulation.log"))
    #expect(gatling.timings.isEmpty)
    let codes = try #require(gatling.statusCodes)
    #expect(codes.total(.okWithoutCode) + codes.total(.koWithoutCode) == gatling.total?.requests)
    #expect(codes.total(.koWithoutCode) == gatling.total?.failures)
    #expect(codes.total(.success) == 0)
  }

  /// k6 JSON `http_req_waiting` / `http_req_connecting` points, by hand: R-7 of (10, 20, 40) and
  /// (1, 3, 0) (numpy.percentile: p50 20 / 1, p95 38 / 2.8).
  @Test func k6JSONTimingPoints() throws {
    var lines: [String] = []
    for (second, (duration, waiting, connecting)) in [(30.0, 10.0, 1.0), (50, 20, 3), (90, 40, 0)]
      .enumerated()
    {
      let time = "2023-11-15T00:13:2\(second).000000+02:00"
      let tags = #""tags":{"name":"/a","method":"GET","status":"200","expected_response":"true"}"#
      for (metric, value) in [
        ("http_req_duration", duration), ("http_req_waiting", waiting), ("http_req_connecting", connecting),
      ] {
        lines.append(
          #"{"metric":"\#(metric)","type":"Point","data":{"time":"\#(time)","value":\#(value),\#(tags)}}"#)
      }
    }
    let run = try RawLogs.run(text: lines.joined(separator: "\n") + "\n", path: "k6.json")
    let firstByte = try #require(run.timings.first { $0.phase == .firstByte })
    let connect = try #require(run.timings.first { $0.phase == .connect })
    #expect(firstByte.p50Ms == 20 && abs((firstByte.p95Ms ?? 0) - 38) < 1e-9)
    #expect(connect.p50Ms == 1 && abs((connect.p95Ms ?? 0) - 2.8) < 1e-9)
    #expect(run.statusCodes?.total(.success) == 3)
  }

  /// Unreadable or implausible Latency / Connect values are left out of their phase, each with a
  /// warning at its line; an empty one is not written, so nothing is said; the request still counts.
  @Test func unreadableTimingsAreLeftOutWithAWarning() throws {
    let rows = [
      ("200", "10", "1"), ("Non HTTP response code: java.net.ConnectException", "0", "3"), ("500", "abc", ""),
      ("999", "-5", "99999999999"), ("", "20", "2"),
    ]
    let text =
      RawLogs.header
      + rows.enumerated().map { index, row in
        "\(1_800_000_000_000 + index * 100),50,/a,\(row.0),m,t-1,text,true,,1,1,1,1,http://x/a,\(row.1),0,\(row.2)"
      }.joined(separator: "\n") + "\n"
    let run = try RawLogs.run(text: text, path: "hostile.jtl")
    #expect(run.total?.requests == 5)
    #expect(run.timings.first { $0.phase == .firstByte }?.requests == 3)
    #expect(run.timings.first { $0.phase == .connect }?.requests == 3)
    let warnings = run.diagnostics.map(\.description).filter { $0.contains("left out") }
    #expect(warnings.count == 3, "\(run.diagnostics)")
    #expect(warnings.contains { $0.contains("hostile.jtl:5:") && $0.contains("connect time") })
    let codes = try #require(run.statusCodes)
    #expect(codes.total(.success) == 1 && codes.total(.serverError) == 1 && codes.total(.noResponse) == 3)
  }

  /// Past the exact budget the phases come from HDR histograms (3 digits) and have no windows.
  @Test func beyondTheBudgetTimingsAreHDR() throws {
    let exact = try RawLogs.run(path: RawLogs.fixture("generated_4000.jtl"))
    let hdr = try RawLogs.run(path: RawLogs.fixture("generated_4000.jtl"), budget: 100)
    let reference = try #require(exact.timings.first { $0.phase == .firstByte })
    let approximate = try #require(hdr.timings.first { $0.phase == .firstByte })
    #expect(approximate.method == .hdr3)
    #expect(approximate.requests == reference.requests)
    #expect(approximate.windowP95Ms.isEmpty)
    let want = try #require(reference.p95Ms)
    #expect(abs((approximate.p95Ms ?? .nan) - want) <= want * 0.001 + 0.001)
  }
}
