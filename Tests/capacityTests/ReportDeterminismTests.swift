import Foundation
import Testing

/// The same inputs analysed by two processes must give the same bytes. One runs with
/// `SWIFT_DETERMINISTIC_HASHING=1`, the other without it (removed from the environment if the test
/// runner has it), so `Set` and `Dictionary` iterate in a different order in each: any report text
/// built from an unsorted collection differs. Each process has its own scratch directory, store
/// and report directory, so nothing is shared but the input bytes.
@Suite struct ReportDeterminismTests {
  @Test func twoProcessesWithDifferentHashSeedsWriteTheSameReports() throws {
    let seeded = try BinaryRunner()
    let random = try BinaryRunner()
    defer {
      seeded.remove()
      random.remove()
    }
    let variable = "SWIFT_DETERMINISTIC_HASHING"
    let first = try GoldenSet.combined.analyze(in: seeded, environment: [variable: "1"])
    let second = try GoldenSet.combined.analyze(in: random, unsetting: [variable])
    #expect(first.status == 0, "stderr: \(first.stderr)")
    #expect(second.status == 0, "stderr: \(second.stderr)")
    #expect(first.stdout == second.stdout)
    for name in ["report.md", "report.json", "report.html"] {
      let path = "\(GoldenSet.reportDirectory)/\(name)"
      let one = try Data(contentsOf: URL(fileURLWithPath: seeded.path(path)))
      let two = try Data(contentsOf: URL(fileURLWithPath: random.path(path)))
      #expect(one.count > 1000, "\(name) is missing or tiny")
      if one != two {
        let diff = SnapshotDiff(
          expected: String(decoding: one, as: UTF8.self), actual: String(decoding: two, as: UTF8.self),
          names: ("seeded run", "random run"))
        Issue.record("\(name) differs between the two processes (- seeded, + random): \(diff.description)")
      }
    }
  }
}
