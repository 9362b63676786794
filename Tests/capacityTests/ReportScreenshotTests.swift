import Foundation
import Testing

/// Renders report.html in headless Chromium and checks the page is not blank: a blank page of
/// the same size compresses to a few kilobytes, a rendered report to far more.
@Suite struct ReportScreenshotTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  private func screenshot(of page: String, to png: String) throws -> Int {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.chromium ?? "/bin/false")
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,1600",
      "--screenshot=\(png)", URL(fileURLWithPath: page).absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return (try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
  }

  @Test func reportRendersVisibly() throws {
    guard Self.chromium != nil else {
      print("skipped: Chromium is not installed (apt-get install -y chromium); report.html was not rendered")
      return
    }
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let samples = BinaryRunner.repository.appendingPathComponent("samples").path
    let result = try runner.run([
      "analyze", samples + "/runs", "--manifests", samples + "/k8s", "-o", "report", "--db", "r.sqlite",
    ])
    try #require(result.status == 0)
    try "<!DOCTYPE html><html><body></body></html>".write(
      toFile: runner.path("blank.html"), atomically: true, encoding: .utf8)
    let blank = try screenshot(of: runner.path("blank.html"), to: runner.path("blank.png"))
    let report = try screenshot(of: runner.path("report/report.html"), to: runner.path("report.png"))
    #expect(blank > 0)
    #expect(report > 20 * blank, "report screenshot \(report) B vs blank \(blank) B")
  }
}
