import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityStatistics
@testable import CapacityStore
@testable import CapacityTestSupport

/// A raw log's 5 s windows, counted at ingest, against NumPy on a real JMeter 2.13 run (Fixtures/
/// compare/README.md): requests exactly, p50/p95 within the buckets' 1.6 %.
@Suite struct RequestWindowTests {
  static let path = Corpus.path("Tests/Fixtures/compare/jmeter_a.jtl")

  static func run() throws -> Run {
    try #require(try RawLogRunBuilder().build(try InputCollector().collect([path]).files).first)
  }

  // python3 Tests/Fixtures/compare/window_truth.py Tests/Fixtures/compare/jmeter_a.jtl
  // (requests, R-7 p50, R-7 p95) per window from the first request's second.
  static let overall: [(Int64, Double?, Double?)] = [
    (42, 55.5, 750.5), (63, 575.0, 2608.7), (60, 914.0, 1849.8), (59, 820.0, 1595.2), (89, 52.0, 423.0),
    (71, 622.0, 2097.0), (66, 888.0, 2920.75), (39, 1628.0, 2740.0), (54, 865.0, 2008.8),
    (75, 301.0, 1335.6), (84, 164.0, 656.7), (61, 1237.0, 2037.0), (80, 346.0, 921.25),
    (81, 171.0, 1072.0), (79, 328.0, 839.9), (78, 59.5, 1225.15), (85, 25.0, 351.2), (90, 242.5, 897.35),
    (82, 132.0, 974.35), (48, 411.0, 1100.15),
  ]
  // The same with the label argument "GET /search/?q=[term]".
  static let search: [(Int64, Double?, Double?)] = [
    (0, nil, nil), (12, 1450.0, 2622.65), (11, 1409.0, 2156.5), (4, 1514.0, 1885.85), (4, 538.0, 1154.95),
    (12, 972.0, 2541.1), (11, 2277.0, 3604.5), (4, 2707.0, 3310.75), (2, 1613.0, 2439.2),
    (9, 931.0, 1671.2), (9, 569.0, 1113.0), (7, 1870.0, 2490.4), (10, 828.0, 1194.3), (7, 1120.0, 1370.4),
    (11, 836.0, 987.0), (8, 1029.5, 1538.8), (8, 327.5, 600.5), (12, 746.5, 1246.0), (7, 819.0, 1197.9),
    (7, 1067.0, 1268.1),
  ]

  private func expectMatches(_ series: RequestWindowSeries, _ truth: [(Int64, Double?, Double?)]) {
    #expect(series.seconds == 5)
    #expect(series.windows.map(\.requests) == truth.map(\.0))
    for (window, expected) in zip(series.windows, truth) {
      for (value, reference) in [(window.p50Ms, expected.1), (window.p95Ms, expected.2)] {
        guard let reference else {
          #expect(value == nil)
          continue
        }
        #expect(
          abs((value ?? -1) - reference) <= reference * 0.016, "\(String(describing: value)) vs \(reference)")
      }
    }
  }

  @Test func overallWindowsMatchNumPy() throws {
    let run = try Self.run()
    expectMatches(try #require(run.requestWindows.first { $0.isTotal }), Self.overall)
  }

  @Test func endpointWindowsMatchNumPy() throws {
    let run = try Self.run()
    let search = try #require(run.requestWindows.first { $0.name == "GET /search/?q=[term]" })
    #expect(!search.isTotal)
    expectMatches(search, Self.search)
  }

  /// compare_truth.py keeps 17 windows of this run: wholly at 30 threads, not touching the first or
  /// last second.
  @Test func onlyWindowsAtFullLoadAreCompared() throws {
    let run = try Self.run()
    let total = try #require(run.requestWindows.first { $0.isTotal })
    #expect(MetricWindow.windows(of: total, timeline: run.timeline).count == 17)
  }

  /// Two requests: R-7 interpolates between them (h = 0.5 and 0.95 of the way).
  @Test func percentilesInterpolateBetweenRanks() {
    var counts = [UInt32](repeating: 0, count: WindowHistograms.bucketCount)
    counts[WindowHistograms.bucket(10)] += 1
    counts[WindowHistograms.bucket(20)] += 1
    let low = WindowHistograms.value(ofBucket: WindowHistograms.bucket(10))
    let high = WindowHistograms.value(ofBucket: WindowHistograms.bucket(20))
    let window = RequestWindowBuilder.window(of: counts[...])
    #expect(window.requests == 2)
    #expect(abs((window.p50Ms ?? 0) - (low + 0.5 * (high - low))) < 1e-9)
    #expect(abs((window.p95Ms ?? 0) - (low + 0.95 * (high - low))) < 1e-9)
    #expect(RequestWindowBuilder.window(of: counts[0..<1]).p50Ms == nil)
  }

  /// Windows of 1 to 40 requests over a few buckets (seeded): p50 and p95 are R-7 over the
  /// bucket middles, the values sorted, whatever the order the wanted ranks are passed in.
  @Test(arguments: 0..<40)
  func smallWindowsAreR7OverTheBucketMiddles(seed: Int) {
    var random = SeededGenerator(seed: UInt64(seed))
    var counts = [UInt32](repeating: 0, count: WindowHistograms.bucketCount)
    var middles: [Double] = []
    for _ in 0..<(seed + 1) {
      let bucket = WindowHistograms.bucket(Double(Int.random(in: 1...6, using: &random)) * 7)
      counts[bucket] += 1
      middles.append(WindowHistograms.value(ofBucket: bucket))
    }
    middles.sort()
    let window = RequestWindowBuilder.window(of: counts[...])
    let expected = middles.withUnsafeBufferPointer { sorted in
      (ExactPercentiles.quantile(sorted: sorted, 0.5), ExactPercentiles.quantile(sorted: sorted, 0.95))
    }
    #expect(window.requests == Int64(middles.count))
    #expect(abs((window.p50Ms ?? .nan) - (expected.0 ?? .nan)) < 1e-9)
    #expect(abs((window.p95Ms ?? .nan) - (expected.1 ?? .nan)) < 1e-9)
  }

  @Test func windowsRoundTripThroughTheStore() throws {
    let run = try Self.run()
    let store = try RunStore(path: ":memory:")
    try store.insert(run, ingestedAt: Date(timeIntervalSince1970: 0))
    #expect(try store.run(id: run.id).requestWindows == run.requestWindows)
    #expect(run.requestWindows.count == run.endpoints.count + 1)
  }
}
