import CapacityModel
import Foundation
import Testing

@testable import CapacityPrometheus

#if canImport(Glibc)
  import Glibc
#endif

/// The real thing: a Prometheus scraping Debian's node exporter every second (`scripts/ci-prometheus
/// start`, which `.ci/run` runs), a busy loop for 30 s, and capacity's fetch of the default node-cpu
/// query for that window against the busy CPU the test reads from `/proc/stat` itself.
@Suite struct NodeCPUAgainstProcStatTests {
  static let url = ProcessInfo.processInfo.environment["CAPACITY_TEST_PROMETHEUS_URL"]
  static let inCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false

  /// Busy ticks (user + nice + system + irq + softirq: idle, iowait and steal left out, as the
  /// default query does; guest is inside user) of the `cpu` line of /proc/stat, at a time.
  struct Sample {
    var time: Double
    var busyTicks: Double
  }

  static func sample() throws -> Sample {
    let text = try String(contentsOfFile: "/proc/stat", encoding: .utf8)
    let time = Date().timeIntervalSince1970
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) else {
      throw CocoaError(.fileReadCorruptFile)
    }
    let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
    guard fields.count >= 8 else { throw CocoaError(.fileReadCorruptFile) }
    return Sample(time: time, busyTicks: fields[0] + fields[1] + fields[2] + fields[5] + fields[6])
  }

  /// Busy ticks at `time`, linear between the two samples around it.
  static func ticks(at time: Double, _ samples: [Sample]) -> Double? {
    guard let upper = samples.firstIndex(where: { $0.time >= time }), upper > 0 else { return nil }
    let (a, b) = (samples[upper - 1], samples[upper])
    return a.busyTicks + (b.busyTicks - a.busyTicks) * (time - a.time) / (b.time - a.time)
  }

  /// Prometheus's point at t is the rate over [t − rate window, t]; the truth for it is the busy
  /// ticks /proc/stat counted over the same interval, ÷ USER_HZ ÷ seconds, in millicores. Means
  /// over the points inside the sampled span must agree within 5 % of a core (50 millicores): the
  /// node exporter reads the same counters, the rest is scrape-time jitter and rate's extrapolation.
  /// Synchronous on purpose: the sampling must keep its pace while a parallel `swift test` keeps the
  /// concurrency pool busy (an awaited sleep there resumed minutes late).
  @Test(
    .enabled(
      if: url != nil || inCI,
      "set CAPACITY_TEST_PROMETHEUS_URL (e.g. after scripts/ci-prometheus start) to run it; CI always does"))
  func fetchedNodeCPUMatchesProcStat() throws {
    guard let url = Self.url else {
      Issue.record(
        "CI is set but CAPACITY_TEST_PROMETHEUS_URL is not: .ci/run must start scripts/ci-prometheus")
      return
    }
    let hertz = Double(sysconf(Int32(_SC_CLK_TCK)))
    let load = Process()
    load.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    load.arguments = ["python3", "-c", "import time\nend = time.time() + 30\nwhile time.time() < end: pass"]
    try load.run()
    var samples = [try Self.sample()]
    while load.isRunning {
      Thread.sleep(forTimeInterval: 0.25)
      samples.append(try Self.sample())
    }
    // Let Prometheus scrape past the end of the span (1 s interval).
    Thread.sleep(forTimeInterval: 2.5)
    let span = samples[0].time...samples[samples.count - 1].time
    let fetcher = PrometheusFetcher(
      endpoint: try PrometheusEndpoint(url), queries: [PrometheusQuery.defaults[0]], scrapeIntervalSeconds: 1,
      marginSeconds: 0)
    let window = try fetcher.windows(for: [span], now: Date())[0]
    let fetch = try fetcher.fetch([window])
    let series = try #require(fetch.files.first?.series.first)
    #expect(series.isNode && series.metric == .cpu)
    let rate = Double(window.rateSeconds)
    var fetched: [Double] = []
    var truth: [Double] = []
    for point in series.points {
      guard let end = Self.ticks(at: point.time, samples),
        let start = Self.ticks(at: point.time - rate, samples)
      else { continue }
      fetched.append(point.value)
      truth.append((end - start) / hertz / rate * 1000)
    }
    // A third of the 30 s busy loop at least: on a loaded machine (builds beside the test run)
    // Prometheus misses scrapes and the sampler falls behind, and 11 of 30 points were seen.
    #expect(fetched.count >= 10, "points inside the sampled span: \(fetched.count)")
    let fetchedMean = fetched.reduce(0, +) / Double(max(1, fetched.count))
    let truthMean = truth.reduce(0, +) / Double(max(1, truth.count))
    let wholeSpan =
      (samples[samples.count - 1].busyTicks - samples[0].busyTicks) / hertz
      / (span.upperBound - span.lowerBound) * 1000
    let gaps = zip(fetched, truth).map { abs($0 - $1) }
    let meanGap = gaps.reduce(0, +) / Double(max(1, gaps.count))
    print(
      "node-cpu over \(fetched.count) points (step \(window.stepSeconds) s, rate \(window.rateSeconds) s): "
        + "capacity \(fetchedMean) m, /proc/stat \(truthMean) m (whole span \(wholeSpan) m); per point "
        + "mean |gap| \(meanGap) m, max \(gaps.max() ?? 0) m")
    // The busy loop alone is a core.
    #expect(truthMean >= 900)
    #expect(abs(fetchedMean - truthMean) <= 50)
    // Point by point the two see the same seconds, within a scrape's jitter.
    #expect(meanGap <= 150)
  }
}
