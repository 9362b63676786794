import Testing

@testable import capacity

/// The progress line's layout at fixed widths, without a terminal.
@Suite struct ProgressLineTests {
  let line = ProgressLine(
    phase: .parsing, subject: "runs/2026-11-29/a-load-test-with-a-rather-long-file-name.jtl",
    done: 450_000_000,
    total: 1_000_000_000, bytesPerSecond: 150_000_000)

  @Test(arguments: [20, 40, 50, 80, 120, 300])
  func neverReachesTheLastColumn(columns: Int) {
    let text = line.render(columns: columns)
    #expect(text.count <= columns - 1, "\(text)")
    #expect(text.hasPrefix("parsing  "))
  }

  @Test func aWideTerminalShowsEverything() {
    #expect(
      line.render(columns: 200)
        == "parsing  runs/2026-11-29/a-load-test-with-a-rather-long-file-name.jtl  [#############                 ]  "
        + "45 %  150 MB/s  ETA 4 s")
  }

  @Test func aNarrowTerminalKeepsTheFileNamesEndAndDropsETAFirst() {
    let text = line.render(columns: 50)
    #expect(text.contains("…") && text.contains(".jtl"))
    #expect(!text.contains("ETA"))
    #expect(text.contains("45 %"))
  }

  @Test func aPhaseWithoutBytesShowsItsSubject() {
    #expect(ProgressLine(phase: .storing, subject: "3 runs").render(columns: 80) == "storing  3 runs")
  }

  @Test func durationsReadNaturally() {
    #expect(ProgressLine.duration(0.2) == "1 s")
    #expect(ProgressLine.duration(125) == "2 min 5 s")
  }
}
