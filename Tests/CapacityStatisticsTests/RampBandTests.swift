import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityStatistics
@testable import CapacityTestSupport

/// Continuous ramps cut into concurrency bands, checked against `Fixtures/ramps/truth_ramp.py`
/// (numpy over the raw requests) on real runs, and the ramp rule on small timelines.
@Suite struct RampBandTests {
  static let folder = "Tests/Fixtures/ramps"

  static func truth(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: Corpus.path("\(folder)/\(name)")))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  static func bands(_ truth: [String: Any]) throws -> [[String: Double]] {
    let list = try #require(truth["bands"] as? [[String: Any]])
    return list.map { band in band.compactMapValues { ($0 as? NSNumber)?.doubleValue } }
  }

  /// The Kneedle knees of the series equal kneed's on the truth's bands.
  static func expectKnees(_ series: SaturationAnalysis, _ truth: [String: Any]) throws {
    let knees = try #require(truth["knees"] as? [String: Any])
    #expect(series.throughputKnee?.users == (knees["throughput"] as? NSNumber)?.intValue)
    #expect(series.latencyKnee?.users == (knees["p95"] as? NSNumber)?.intValue)
  }

  static func locustRamp() throws -> RunAnalysis {
    let files = try InputCollector().collect([Corpus.path("\(folder)/locust-ramp")]).files
    let run = try #require(try LocustRunAssembler().assemble(files).first)
    return RunAnalyzer().analyze(run)
  }

  /// A real Locust ramp (`-u 200 -r 1.2`): 14 bands of ≥ 200 requests, never one-user steps; the
  /// band edges equal the truth's; counts and throughput (Locust's history counts completions at
  /// its ticks) within 10 % of the request log's; p95 (Locust's 2-digit buckets over its ~10 s
  /// windows) within 25 %; the saturation point and capacity at the SLO as the truth's.
  @Test func locustRampBandsMatchTheRequestLog() throws {
    let analysis = try Self.locustRamp()
    let truth = try Self.truth("locust_ramp.truth.json")
    let expected = try Self.bands(truth)
    #expect(analysis.isRamp)
    #expect(analysis.steps.count == expected.count)
    #expect((8...15).contains(analysis.steps.count))
    for (band, want) in zip(analysis.steps, expected) {
      #expect(band.band?.lowerBound == want["users_low"].map { Int($0) })
      #expect(band.band?.upperBound == want["users_high"].map { Int($0) })
      #expect(band.users == want["users"].map { Int($0) })
      #expect(band.requests >= 200)
      let requests = try #require(want["requests"])
      #expect(abs(Double(band.requests) - requests) / requests < 0.10)
      let rps = try #require(want["rps"])
      #expect(abs(band.requestsPerSecond - rps) / rps < 0.10)
      let p95 = try #require(want["p95_ms"])
      let measured = try #require(band.p95Ms)
      #expect(abs(measured - p95) / p95 < 0.25, "band at \(band.users) users: \(measured) vs \(p95)")
    }
    let saturation = SaturationAnalyzer(thresholds: AnalysisThresholds()).series(
      [analysis], runsAsSteps: false)
    let series = try #require(saturation.first)
    let point = try #require(series.saturationPoint)
    let truthPoint = try #require(truth["saturation"] as? [Any])
    #expect(point.rule == .latencySLO)
    #expect(point.users == (truthPoint[1] as? NSNumber)?.intValue)
    let capacity = try #require(series.capacity)
    let truthCapacity = try #require(truth["capacity"] as? [String: Any])
    let users = try #require((truthCapacity["users"] as? NSNumber)?.doubleValue)
    #expect(capacity.bound == .interpolated)
    #expect(abs(capacity.users - users) / users < 0.15, "capacity \(capacity.users) vs truth \(users)")
    #expect(series.fit != nil)
    try Self.expectKnees(series, truth)
    #expect(analysis.notes.contains { $0.contains("cut into 14 concurrency bands") })
  }

  /// A real JMeter 2.13 ramp (10 → 150 threads, `allThreads`): the bands, their request counts,
  /// throughput and exact p95 equal the truth's to 0.01 ms; the saturation point and the capacity at
  /// the SLO (already broken in the lightest band on this loaded VM) are the truth's.
  @Test func jmeterRampBandsAreExact() throws {
    let run = try RawLogs.run(path: Corpus.path("\(Self.folder)/jmeter_ramp_tc.jtl"))
    let analysis = RunAnalyzer().analyze(run)
    let truth = try Self.truth("jmeter_ramp.truth.json")
    let expected = try Self.bands(truth)
    #expect(analysis.isRamp)
    #expect(analysis.steps.count == expected.count)
    #expect(analysis.steps.count == 8)
    for (band, want) in zip(analysis.steps, expected) {
      #expect(band.band?.lowerBound == want["users_low"].map { Int($0) })
      #expect(band.band?.upperBound == want["users_high"].map { Int($0) })
      #expect(band.users == want["users"].map { Int($0) })
      #expect(Double(band.requests) == want["requests"])
      #expect(abs(band.requestsPerSecond - (want["rps"] ?? 0)) < 1e-9)
      #expect(abs((band.p95Ms ?? 0) - (want["p95_ms"] ?? 0)) < 0.01)
      #expect(abs(band.errorRate - (want["error_rate"] ?? 0)) < 1e-12)
    }
    let series = try #require(
      SaturationAnalyzer(thresholds: AnalysisThresholds()).series([analysis], runsAsSteps: false).first)
    let truthPoint = try #require(truth["saturation"] as? [Any])
    #expect(series.saturationPoint?.users == (truthPoint[1] as? NSNumber)?.intValue)
    let truthCapacity = try #require(truth["capacity"] as? [String: Any])
    let capacity = try #require(series.capacity)
    #expect(capacity.bound.rawValue == truthCapacity["bound"] as? String)
    #expect(Double(capacity.users) == (truthCapacity["users"] as? NSNumber)?.doubleValue)
    #expect(abs(capacity.throughput - ((truthCapacity["rps"] as? NSNumber)?.doubleValue ?? 0)) < 1e-9)
    try Self.expectKnees(series, truth)
  }

  /// 200 s of users rising by one every 2 s (1 → 100), `users / 2` requests a second, latency
  /// 10 + users + i mod 7 ms: as (second, users, latencies) per second.
  static let generatedRamp: [(second: Int64, users: Int, latencies: [Double])] = (0..<200).map { offset in
    let users = 1 + offset / 2
    let latencies = (0..<max(1, users / 2)).map { Double(10 + users + $0 % 7) }
    return (1_700_000_000 + Int64(offset), users, latencies)
  }

  /// Each band's p95 is the R-7 p95 of the generated latencies whose second lies in the band.
  static func expectExactBands(_ run: Run) throws {
    let analysis = RunAnalyzer().analyze(run)
    #expect(analysis.isRamp)
    #expect((8...15).contains(analysis.steps.count))
    let origin = try #require(run.timeline.first?.timestamp)
    for band in analysis.steps {
      let inBand = generatedRamp.filter {
        Double($0.second - origin) > band.startSeconds && Double($0.second - origin) <= band.endSeconds
      }
      let values = inBand.flatMap(\.latencies).sorted()
      #expect(band.requests == Int64(values.count))
      let expected = values.withUnsafeBufferPointer { ExactPercentiles.quantile(sorted: $0, 0.95) }
      #expect(band.p95Ms == expected)
      #expect(band.band?.lowerBound == inBand.map(\.users).min())
    }
  }

  @Test func k6VusRampIsCutIntoBands() throws {
    var text =
      "metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,"
      + "proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata\n"
    for tick in Self.generatedRamp {
      text += "vus,\(tick.second),\(tick.users),,,,,,,,,,,,,,,,\n"
      for latency in tick.latencies {
        text +=
          "http_req_duration,\(tick.second),\(latency),,,,true,,GET,http://x.test/a,HTTP/1.1,default,,200,,,,,\n"
      }
    }
    let run = try RawLogs.run(text: text, path: "k6.csv")
    #expect(run.tool == .k6)
    try Self.expectExactBands(run)
  }

  @Test func gatlingUserRecordsRampIsCutIntoBands() throws {
    var text = "RUN\tcom.acme.ShopSim\tshopsim\t1700000000000\t \t3.11.5\n"
    for tick in Self.generatedRamp {
      let ms = tick.second * 1000
      if tick.second == Self.generatedRamp[0].second
        || tick.users != Self.generatedRamp[Int(tick.second - 1_700_000_000) - 1].users
      {
        text += "USER\tshoppers\tSTART\t\(ms)\n"
      }
      for (index, latency) in tick.latencies.enumerated() {
        let start = ms + Int64(index)
        text += "REQUEST\t\thome\t\(start)\t\(start + Int64(latency))\tOK\t \n"
      }
    }
    let run = try RawLogs.run(text: text, path: "simulation.log")
    #expect(run.tool == .gatling)
    try Self.expectExactBands(run)
  }

  /// pidstat during the Locust ramp, per band (no warm-up dropped): the app's mean CPU equals
  /// `truth_band_cpu.py` (gunicorn %CPU × 10 summed per second, averaged over the band).
  @Test func locustRampBandCPUMatchesPidstat() throws {
    let analysis = try Self.locustRamp()
    let result = ResourceStatistics().analyze(
      [analysis], files: try ResourceFixtures.files("../ramps/locust-ramp-resources"),
      mapper: ComponentMapper())
    let run = try #require(result.runs.first)
    let expected = [
      156.3042, 367.275, 428.93, 457.6083, 446.9214, 454.6333, 445.0364, 442.5, 457.5917, 468.1615, 442.6083,
      434.1909, 369.3917, 360.9933,
    ]
    #expect(run.steps.count == expected.count)
    for (step, want) in zip(run.steps, expected) {
      let cpu = try #require(step.usage.first { $0.component == "app" && $0.metric == .cpu })
      #expect(abs(cpu.summary.mean - want) < 0.001, "band at \(step.users) users: \(cpu.summary.mean)")
    }
  }

  static func timeline(_ users: [Int], requestsPerTick: Int64 = 50) -> [TimelinePoint] {
    users.enumerated().map { index, count in
      TimelinePoint(
        timestamp: 1_000 + Int64(index), users: count, requestsPerSecond: Double(requestsPerTick),
        failuresPerSecond: 0, percentiles: [.init(quantile: 0.95, valueMs: Double(10 + count))],
        totalRequests: Int64(index + 1) * requestsPerTick, totalFailures: 0)
    }
  }

  @Test func stepsWithPlateausAreNotARamp() {
    let users = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110].flatMap { Array(repeating: $0, count: 40) }
    let steps = LoadStepDetector(thresholds: AnalysisThresholds()).steps(in: Self.timeline(users))
    #expect(steps.count == 11)
    #expect(steps.allSatisfy { $0.band == nil })
  }

  @Test func aShortClimbBeforeALongHoldIsNotARamp() {
    let users = Array(1...20) + Array(repeating: 20, count: 100)
    let steps = LoadStepDetector(thresholds: AnalysisThresholds()).steps(in: Self.timeline(users))
    #expect(steps.count == 1)
    #expect(steps.first?.band == nil)
  }

  @Test func aRampWithAHoldAtThePeakKeepsTheHoldInTheTopBand() throws {
    let users = Array(1...150).flatMap { [$0, $0] } + Array(repeating: 150, count: 60)
    let steps = LoadStepDetector(thresholds: AnalysisThresholds()).steps(in: Self.timeline(users))
    #expect(steps.count == 15)
    let top = try #require(steps.last?.band)
    #expect(top.upperBound == 150)
    #expect(steps.map(\.requests).reduce(0, +) == Int64(users.count) * 50)
    // Bands are contiguous and ordered.
    for (lower, upper) in zip(steps, steps.dropFirst()) {
      #expect(lower.endSeconds == upper.startSeconds)
      #expect(try #require(lower.band).upperBound < (try #require(upper.band)).lowerBound)
    }
  }

  @Test func thinBandsJoinTheNextUntilTheyHoldEnoughRequests() {
    // 2 requests a second: 300 s of ramp hold 600 requests, so at most 3 bands of ≥ 200.
    let users = Array(1...100).flatMap { [$0, $0, $0] }
    let steps = LoadStepDetector(thresholds: AnalysisThresholds()).steps(
      in: Self.timeline(users, requestsPerTick: 2))
    #expect((2...3).contains(steps.count))
    #expect(steps.allSatisfy { $0.requests >= 200 })
    #expect(steps.map(\.requests).reduce(0, +) == 600)
  }
}
