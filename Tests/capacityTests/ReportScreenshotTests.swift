import Foundation
import Testing

/// Renders the samples report (the README's first command) in headless Chromium: the screenshot is
/// not blank (a blank page of the same size compresses to a few kilobytes, a rendered report to far
/// more); the page with its sections closed is at most `maximumScreenHeight` pixels tall and every
/// chart has a size; the charts alone, printed, leave ink on the first page (the summary chart);
/// and "Save as PDF" (`--print-to-pdf`) gives between 1 and `maximumPages` A4 pages, with the
/// collapsed sections printed open. Skips, saying why, without Chromium or poppler-utils.
@Suite(.serialized) struct ReportScreenshotTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
  static let pdfinfo = ["/usr/bin/pdfinfo"].first { FileManager.default.isExecutableFile(atPath: $0) }
  static let pdftoppm = ["/usr/bin/pdftoppm"].first { FileManager.default.isExecutableFile(atPath: $0) }
  static let pdftotext = ["/usr/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }

  /// The samples report with every section closed measured 7 603 px at 1200 px wide on 2026-12-01
  /// (the corpus report of issue 15 was 27 000 px open); the bound leaves room for a few more rows.
  static let maximumScreenHeight = 10_000
  /// The samples report printed on 26 A4 pages (2026-12-01); a report that prints on more than
  /// 60 has lost its layout (charts cut into pages, sections repeated).
  static let maximumPages = 60

  @Test func reportRendersVisibly() throws {
    guard Self.chromium != nil else {
      print("skipped: Chromium is not installed (apt-get install -y chromium); report.html was not rendered")
      return
    }
    let runner = try samplesReport()
    defer { runner.remove() }
    try "<!DOCTYPE html><html><body></body></html>".write(
      toFile: runner.path("blank.html"), atomically: true, encoding: .utf8)
    let blank = try screenshot(of: runner.path("blank.html"), to: runner.path("blank.png"))
    let report = try screenshot(of: runner.path("capacity-report/report.html"), to: runner.path("report.png"))
    #expect(blank > 0)
    #expect(report > 20 * blank, "report screenshot \(report) B vs blank \(blank) B")

    let layout = try measure(runner.path("capacity-report/report.html"), in: runner)
    #expect(
      layout.height > 1_000 && layout.height <= Self.maximumScreenHeight, "page height \(layout.height) px")
    // Shown with every section closed: the summary chart and the saturation section's two.
    #expect(layout.charts.count >= 3, "charts in view: \(layout.charts)")
    #expect(layout.charts.allSatisfy { $0.width >= 200 && $0.height >= 80 }, "chart boxes \(layout.charts)")
    #expect(
      layout.firstChartTop < 1_600,
      "the summary chart starts at \(layout.firstChartTop) px, below the first screen")
  }

  @Test func reportPrintsToPDF() throws {
    guard Self.chromium != nil, let pdfinfo = Self.pdfinfo, let pdftoppm = Self.pdftoppm,
      let pdftotext = Self.pdftotext
    else {
      print(
        "skipped: Chromium or poppler-utils (pdfinfo, pdftoppm, pdftotext) is not installed "
          + "(apt-get install -y chromium poppler-utils); report.html was not printed")
      return
    }
    let runner = try samplesReport()
    defer { runner.remove() }
    let html = runner.path("capacity-report/report.html")
    try printPDF(html, to: runner.path("report.pdf"))
    let info = try run(pdfinfo, [runner.path("report.pdf")])
    let pages =
      info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
      .flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    #expect(pages >= 1 && pages <= Self.maximumPages, "pdfinfo: \(info)")
    #expect(info.contains("A4"), "pdfinfo: \(info)")
    // Collapsed sections print open: a run's endpoint table and the method notes are in the PDF.
    let text = try run(pdftotext, [runner.path("report.pdf"), "-"])
    #expect(
      text.contains("/api/cart/") && text.contains("Percentiles are"), "closed <details> were not printed")

    // The charts alone (everything else hidden): the first printed page, rasterised, has ink.
    let report = try String(contentsOfFile: html, encoding: .utf8)
    let chartsOnly = report.replacingOccurrences(
      of: "</style>",
      with:
        "body * { visibility: hidden !important; } svg.chart, svg.chart * { visibility: visible !important; }\n</style>"
    )
    try chartsOnly.write(toFile: runner.path("charts.html"), atomically: true, encoding: .utf8)
    try printPDF(runner.path("charts.html"), to: runner.path("charts.pdf"))
    _ = try run(
      pdftoppm,
      [
        "-r", "40", "-gray", "-f", "1", "-l", "1", "-singlefile", runner.path("charts.pdf"),
        runner.path("page"),
      ])
    // Measured 2026-12-01: 12.8 % of the page not white (the summary chart's plot area and lines),
    // 0.52 % dark (its lines and labels); a page with nothing drawn has 0 of either.
    let drawn = try Self.share(pgmAt: runner.path("page.pgm"), darkerThan: 254)
    let ink = try Self.share(pgmAt: runner.path("page.pgm"), darkerThan: 200)
    #expect(drawn > 0.05 && ink > 0.002, "charts-only first page: \(drawn) not white, \(ink) dark")
  }

  /// `capacity analyze` as the README's first command, in a scratch directory.
  private func samplesReport() throws -> BinaryRunner {
    let runner = try BinaryRunner()
    let result = try GoldenSet.samples.analyze(in: runner)
    try #require(result.status == 0, "stderr: \(result.stderr)")
    return runner
  }

  private func screenshot(of page: String, to png: String) throws -> Int {
    _ = try run(
      Self.chromium ?? "/bin/false",
      Self.headless + [
        "--window-size=1200,1600", "--screenshot=\(png)", URL(fileURLWithPath: page).absoluteString,
      ])
    return (try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
  }

  private func printPDF(_ page: String, to pdf: String) throws {
    _ = try run(
      Self.chromium ?? "/bin/false",
      Self.headless + [
        "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", URL(fileURLWithPath: page).absoluteString,
      ])
  }

  private static let headless = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]

  /// The page's height and its charts' boxes, written into the DOM by a script and read back with
  /// `--dump-dom` (the report itself needs no script).
  private func measure(_ page: String, in runner: BinaryRunner) throws -> Layout {
    let probe = """
      <script>addEventListener("load", function () {
        var boxes = Array.prototype.map.call(document.querySelectorAll("svg.chart"), function (c) {
          if (!c.checkVisibility()) return "hidden";
          var r = c.getBoundingClientRect(); return [r.width, r.height, r.top + scrollY].map(Math.round).join(",");
        }).filter(function (b) { return b !== "hidden"; });
        var out = document.createElement("pre"); out.id = "probe";
        out.textContent = "height=" + document.documentElement.scrollHeight + ";charts=" + boxes.join(" ");
        document.body.appendChild(out);
      });</script>
      </body>
      """
    let report = try String(contentsOfFile: page, encoding: .utf8).replacingOccurrences(
      of: "</body>", with: probe)
    try report.write(toFile: runner.path("probe.html"), atomically: true, encoding: .utf8)
    let dom = try run(
      Self.chromium ?? "/bin/false",
      Self.headless + [
        "--window-size=1200,1600", "--dump-dom",
        URL(fileURLWithPath: runner.path("probe.html")).absoluteString,
      ])
    return Layout(probe: dom)
  }

  struct Layout {
    struct Box: CustomStringConvertible {
      var width: Int
      var height: Int
      var top: Int
      var description: String { "\(width)×\(height)@\(top)" }
    }
    var height = 0
    var charts: [Box] = []
    var firstChartTop: Int { charts.map(\.top).min() ?? Int.max }

    init(probe dom: String) {
      guard let start = dom.range(of: "<pre id=\"probe\">height=") else { return }
      let line = dom[start.upperBound...].prefix { $0 != "<" }
      let parts = line.split(separator: ";")
      height = Int(parts.first ?? "") ?? 0
      let boxes = parts.dropFirst().first?.dropFirst("charts=".count) ?? ""
      charts = boxes.split(separator: " ").compactMap { box in
        let values = box.split(separator: ",").compactMap { Int($0) }
        return values.count == 3 ? Box(width: values[0], height: values[1], top: values[2]) : nil
      }
    }
  }

  /// The share of pixels darker than `level` (0 black … 255 white) in a binary PGM (`P5`, 8-bit)
  /// from `pdftoppm -gray`.
  static func share(pgmAt path: String, darkerThan level: UInt8) throws -> Double {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    var fields: [Int] = []
    var index = 2
    while fields.count < 3, index < bytes.count {
      while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D {
        index += 1
      }
      var number = 0
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
        number = number * 10 + Int(bytes[index] - 0x30)
        index += 1
      }
      fields.append(number)
    }
    let pixels = bytes.dropFirst(index + 1)
    guard fields.count == 3, fields[0] * fields[1] > 0, !pixels.isEmpty else { return 0 }
    return Double(pixels.filter { $0 < level }.count) / Double(pixels.count)
  }

  @discardableResult
  private func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
