import Foundation
import Testing

/// `capacity check` on the real sample runs: exit status, table and a JUnit file that xmllint
/// validates against Schemas/junit.xsd.
@Suite(.serialized) struct CheckCommandTests {
  let samples = BinaryRunner.repository.appendingPathComponent("samples").path
  static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Schemas/junit.xsd").path

  static var xmllint: String? {
    ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  private func validate(_ path: String) throws -> (Int32, String) {
    guard let xmllint = Self.xmllint else {
      print("skipping JUnit schema validation: xmllint not installed (apt-get install -y libxml2-utils)")
      return (0, "")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: xmllint)
    process.arguments = ["--noout", "--schema", Self.schema, path]
    let err = Pipe()
    process.standardError = err
    try process.run()
    let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  @Test func aRunThatBreaksItsSLOExitsTwoWithAValidJUnitFile() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    try """
    objectives:
      - {metric: p95_ms, max: 500}
      - {metric: error_rate, max: "1%"}
      - {endpoint: "GET /search/?q=<script>", metric: p99_ms, max: 1500}
    """.write(toFile: runner.path("slo.yaml"), atomically: true, encoding: .utf8)
    let result = try runner.run([
      "check", samples + "/runs/light", samples + "/runs/stress", "--slo", "slo.yaml", "--junit", "junit.xml",
      "--db", "runs.sqlite",
    ])
    #expect(result.status == 2, "stderr: \(result.stderr)")
    // Corpus README: stress p95 2300 ms breaks 500 ms; light (190 ms) meets it.
    #expect(result.stdout.contains("stress  p95_ms ≤ 500"))
    #expect(result.stdout.contains("FAIL    2300 ms over the run breaks p95_ms ≤ 500"))
    #expect(result.stdout.contains("3 of 6 objective checks failed"))
    let xml = try String(contentsOfFile: runner.path("junit.xml"), encoding: .utf8)
    #expect(xml.contains("<testsuites name=\"capacity check\" tests=\"6\" failures=\"3\""))
    #expect(xml.contains("GET /search/?q=&lt;script&gt;"))
    #expect(!xml.contains("<script>"))
    let (status, message) = try validate(runner.path("junit.xml"))
    #expect(status == 0, "xmllint: \(message)")
  }

  @Test func theSchemaRejectsABrokenFile() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    try "<testsuites><testsuite name=\"x\"><testcase/></testsuite></testsuites>"
      .write(toFile: runner.path("bad.xml"), atomically: true, encoding: .utf8)
    guard Self.xmllint != nil else { return }
    let (status, _) = try validate(runner.path("bad.xml"))
    #expect(status != 0)
  }

  @Test func passingRunsExitZeroAndMissingFilesExitOne() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let pass = try runner.run(["check", samples + "/runs/light", "--db", "runs.sqlite"])
    #expect(pass.status == 0, "stderr: \(pass.stderr)")
    #expect(pass.stdout.contains("2 objective checks passed"))
    let stored = try runner.run(["check", "--run", "light", "--slo-p95", "100", "--db", "runs.sqlite"])
    #expect(stored.status == 2)
    let missing = try runner.run([
      "check", "--slo", "nope.yaml", samples + "/runs/light", "--db", "runs.sqlite",
    ])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("nope.yaml"))
  }
}
