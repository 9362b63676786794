import CapacityTestSupport
import Foundation
import Testing

/// The status codes and timed phases charts of the real chaos JTL, drawn by headless Chromium: with
/// everything but those two charts hidden, the printed first page has ink (lines, labels). Skips,
/// saying why, without Chromium or poppler-utils.
@Suite(.serialized) struct StatusCodeChartScreenshotTests {
  @Test func statusAndTimingChartsRender() throws {
    guard let chromium = ReportScreenshotTests.chromium, let pdftoppm = ReportScreenshotTests.pdftoppm else {
      print("skipped: Chromium or poppler-utils is not installed; the status codes chart was not rendered")
      return
    }
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let log = BinaryRunner.repository.appendingPathComponent("Tests/Fixtures/raw/jmeter_chaos_codes.jtl").path
    let result = try runner.run(["analyze", log, "-o", "report", "--db", "runs.sqlite", "-q"])
    try #require([0, 2].contains(result.status), "stderr: \(result.stderr)")
    let html = try String(contentsOfFile: runner.path("report/report.html"), encoding: .utf8)
    #expect(html.contains("-status-codes\"><figcaption") && html.contains("-timings\"><figcaption"))
    // Only the two new figures visible, their run section open.
    let figuresOnly =
      html.replacingOccurrences(
        of: "<details class=\"section run\"", with: "<details open class=\"section run\""
      )
      .replacingOccurrences(
        of: "</style>",
        with: "body * { visibility: hidden !important; } "
          + "figure[id$=\"-status-codes\"] svg, figure[id$=\"-status-codes\"] svg *, "
          + "figure[id$=\"-timings\"] svg, figure[id$=\"-timings\"] svg * { visibility: visible !important; }\n"
          + "figure[id$=\"-status-codes\"], figure[id$=\"-timings\"] { position: fixed; top: 0; left: 0; }\n"
          + "figure[id$=\"-timings\"] { top: 320px; }\n</style>")
    try figuresOnly.write(toFile: runner.path("figures.html"), atomically: true, encoding: .utf8)
    _ = try Shell.capture(
      URL(fileURLWithPath: chromium),
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-pdf-header-footer",
        "--print-to-pdf=\(runner.path("figures.pdf"))",
        URL(fileURLWithPath: runner.path("figures.html")).absoluteString,
      ])
    _ = try Shell.run(
      pdftoppm,
      [
        "-r", "40", "-gray", "-f", "1", "-l", "1", "-singlefile", runner.path("figures.pdf"),
        runner.path("page"),
      ])
    let drawn = try ReportScreenshotTests.share(pgmAt: runner.path("page.pgm"), darkerThan: 254)
    let ink = try ReportScreenshotTests.share(pgmAt: runner.path("page.pgm"), darkerThan: 200)
    #expect(drawn > 0.03 && ink > 0.002, "figures-only first page: \(drawn) not white, \(ink) dark")
  }
}
