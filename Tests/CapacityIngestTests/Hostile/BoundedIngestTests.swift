import Foundation
import Testing

@testable import CapacityIngest
@testable import CapacityModel

/// Label cardinality and sparse time tables: what a run costs follows its requests, never the
/// number of distinct labels past the cap or the span between its requests. Time and memory are
/// measured by `scripts/bench-hostile`; these tests check the counts and warnings.
@Suite struct BoundedIngestTests {
  static func row(_ startMs: Int64, label: String = "home", success: Bool = true) -> String {
    "\(startMs),10,\(label),\(success ? 200 : 500),OK,t,text,\(success),,1,1,1,1,u,1,0,1\n"
  }

  static func run(_ text: String, sessionGap: Int64 = RawLogRunBuilder.defaultSessionGap) throws -> Run {
    let file = InputFile(
      path: "b.jtl", kind: .jmeterCSV, bytes: Array((HostileRawLogTests.header + text).utf8))
    return try #require(try RawLogRunBuilder(sessionGap: sessionGap).build([file]).first)
  }

  @Test func labelsPastTheCapFoldIntoOtherWithOneWarning() throws {
    // 12 000 labels once each, and 3 labels 5 times each (failed): the 3 stay, and of the
    // 12 000 the 9 996 first by name stay, so 2 004 fold.
    var text = ""
    for index in 0..<12_000 {
      text += Self.row(HostileRawLogTests.start + Int64(index), label: "/item/\(index)")
    }
    for index in 0..<15 {
      text += Self.row(HostileRawLogTests.start + Int64(index), label: "hot\(index % 3)", success: false)
    }
    let run = try Self.run(text)
    #expect(run.total?.requests == 12_015)
    #expect(run.endpoints.count == 10_000)
    #expect(run.endpoints.map(\.requests).reduce(0, +) == 12_015)
    #expect(run.endpoints.filter { $0.name.hasPrefix("hot") }.map(\.requests) == [5, 5, 5])
    let other = try #require(run.endpoints.first { $0.name == "(other)" })
    #expect(other.requests == 2_004)
    let warnings = run.diagnostics.filter { $0.message.contains("distinct request labels") }
    #expect(warnings.count == 1)
    #expect(
      warnings.first?.message
        == "more than 10000 distinct request labels: the 2004 rarest (2004 requests) are counted together as (other)"
    )
    #expect(warnings.first?.location.file == "b.jtl")
    #expect(run.errors.map(\.occurrences).reduce(0, +) == 15)
    // 5 s windows: all requests, and the 100 endpoints with the most requests ((other), the 3 hot
    // ones and the first 96 by name).
    #expect(run.requestWindows.count == 101)
    #expect(run.requestWindows.first?.windows.map(\.requests).reduce(0, +) == 12_015)
    let series = Set(run.requestWindows.dropFirst().map(\.name))
    #expect(series.isSuperset(of: ["(other)", "hot0", "hot1", "hot2", "/item/0", "/item/10"]))
  }

  @Test func atTheCapNothingFolds() throws {
    var text = ""
    for index in 0..<10_000 {
      text += Self.row(HostileRawLogTests.start + Int64(index), label: "/item/\(index)")
    }
    let run = try Self.run(text)
    #expect(run.endpoints.count == 10_000)
    #expect(!run.endpoints.contains { $0.name == "(other)" })
    #expect(!run.diagnostics.contains { $0.message.contains("distinct request labels") })
  }

  @Test func namesPastThePartLimitFoldOnIntakeAndAreCounted() {
    // One part: the first 40 000 names are interned, the next 1 000 go straight to (other); the
    // summary keeps 9 999 of the 40 000 (by name, all once) and folds 30 001 more.
    var accumulator = RequestAccumulator(exactBudget: 1_000_000)
    for index in 0..<41_000 {
      let id = accumulator.label(named: String(format: "/item/%05d", index))
      accumulator.record(
        label: id, startMs: HostileRawLogTests.start + Int64(index), latencyMs: 10, failed: false, users: 1)
    }
    #expect(accumulator.labels.count == RequestAccumulator.maximumLabelsPerPart + 1)
    let summary = RawRunSummarizer().summarize([accumulator])
    #expect(summary.endpoints.count == 10_000)
    #expect(summary.total?.requests == 41_000)
    #expect(summary.folded?.labels == 31_001)
    #expect(summary.folded?.requests == 31_001)
    #expect(summary.endpoints.first { $0.name == "(other)" }?.requests == 31_001)
    #expect(summary.endpoints.contains { $0.name == "/item/09998" })
    #expect(!summary.endpoints.contains { $0.name == "/item/09999" })
  }

  @Test func twoRequestsAnHourForAWeekGiveATimelineByTheRequests() throws {
    // 336 requests 30 min apart read as one run: each request's second, and each quiet
    // stretch's first and last second (335 stretches), not 603 001 seconds.
    let text = (0..<336).map { Self.row(HostileRawLogTests.start + Int64($0) * 1_800_000) }.joined()
    let run = try Self.run(text, sessionGap: 0)
    #expect(run.total?.requests == 336)
    #expect(run.timeline.count == 336 + 2 * 335)
    #expect(run.timeline.last?.totalRequests == 336)
    #expect(run.timeline.filter { $0.requestsPerSecond > 0 }.count == 336)
    let first = HostileRawLogTests.start / 1000
    #expect(run.timeline.first?.timestamp == first)
    #expect(run.timeline.last?.timestamp == first + 335 * 1800)
    #expect(run.timeline[1].timestamp == first + 1 && run.timeline[2].timestamp == first + 1799)
    let expected = 336.0 / Double(335 * 1800 + 1)
    #expect(abs((run.total?.requestsPerSecond ?? 0) - expected) < 1e-12)
  }

  @Test func rowsNinetyEightYearsApartAreOneShortTimeline() throws {
    let text = Self.row(978_307_200_000) + Self.row(4_070_908_800_000)
    let run = try Self.run(text, sessionGap: 0)
    #expect(run.total?.requests == 2)
    #expect(run.timeline.count == 4)
  }

  @Test func quietStretchesUpToAMinuteStayPerSecond() throws {
    // 60 quiet seconds between two requests: all given; 61: only the first and last.
    let start = HostileRawLogTests.start
    #expect(try Self.run(Self.row(start) + Self.row(start + 61_000)).timeline.count == 62)
    #expect(try Self.run(Self.row(start) + Self.row(start + 62_000)).timeline.count == 4)
  }

  @Test func theSecondTableHoldsPagesOnlyWhereRequestsFell() {
    var table = SecondTable()
    for hour in 0..<168 { table.add(second: 1_717_000_000 + Int64(hour) * 3_600, failed: false, users: 1) }
    #expect(table.pageCount == 168)
    var merged = SecondTable()
    merged.merge(table)
    merged.merge(table)
    #expect(merged.pageCount == 168)
    #expect(merged.timeline().last?.totalRequests == 336)
  }

  @Test func podsPastTheCapAreSummedPerSampleTimeAsOther() throws {
    // 10 500 pods: 20 with two samples (kept first), 10 480 with one at 16:26:10 (cpu 1m each,
    // 1 MiB each); 9 979 of those stay by name and 501 fold: (other) is 501m and 501 MiB at that
    // one time.
    var text = ""
    for pod in 0..<20 {
      text +=
        "2024-05-29T16:26:10Z default hot-\(pod) 100m 64Mi\n2024-05-29T16:26:25Z default hot-\(pod) 100m 64Mi\n"
    }
    for pod in 0..<10_480 {
      text += "2024-05-29T16:26:10Z default web-\(String(format: "%05d", pod)) 1m 1Mi\n"
    }
    let source = SourceFile(path: "ktop.log", role: "kubectl-top-log", sha256: "", bytes: 0)
    let file = try KubectlTopParser().parse(Array(text.utf8), source: source)
    #expect(Set(file.series.map(\.entity)).count == 10_000)
    let cpu = try #require(file.series.first { $0.entity == "(other)" && $0.metric == .cpu })
    #expect(cpu.points == [ResourcePoint(time: 1_716_999_970, value: 501)])
    let memory = try #require(file.series.first { $0.entity == "(other)" && $0.metric == .memory })
    #expect(memory.points.map(\.value) == [501 * 1_048_576])
    #expect(
      file.series.contains { $0.entity == "hot-19" } && file.series.contains { $0.entity == "web-09978" })
    #expect(!file.series.contains { $0.entity == "web-09979" })
    #expect(
      file.diagnostics.map(\.message) == [
        "more than 10000 distinct pods or processes: the 501 with the fewest samples (1002 samples) are summed "
          + "per sample time as (other)"
      ])
  }
}
