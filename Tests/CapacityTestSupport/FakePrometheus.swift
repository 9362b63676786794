import Foundation

/// `Tests/Fixtures/prometheus/fake_prometheus.py` running on a free loopback port: recorded and
/// synthetic `query_range` answers, 503s, a 400, a slow and an oversized answer (its docstring
/// lists the routes). The server exits when `stop()` closes its standard input, or when the test
/// process dies.
package final class FakePrometheus: @unchecked Sendable {
  private let process = Process()
  private let input = Pipe()
  /// `http://127.0.0.1:PORT`.
  package let url: String

  package init() throws {
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Corpus.path("Tests/Fixtures/prometheus/fake_prometheus.py")]
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    var line = Data()
    while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 10 {
      line.append(first)
    }
    guard let port = Int(String(decoding: line, as: UTF8.self)) else {
      process.terminate()
      throw CocoaError(.fileReadCorruptFile)
    }
    url = "http://127.0.0.1:\(port)"
  }

  /// The base URL of one behaviour (`recorded`, `synth`, `flaky-2-ID`, `bad`, `slow`, `big`, `auth`, `notprom`).
  package func base(_ mode: String) -> String { "\(url)/\(mode)" }

  /// Requests the server saw for a `flaky-N-ID` route's ID.
  package func count(_ id: String) throws -> Int {
    // Foundation on Linux reads no http: URL without FoundationNetworking; Python is here anyway.
    let client = Process()
    let output = Pipe()
    client.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    client.arguments = [
      "python3", "-c",
      "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())",
      "\(url)/count/\(id)",
    ]
    client.standardOutput = output
    try client.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    client.waitUntilExit()
    return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
  }

  package func stop() {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
  }

  deinit {
    if process.isRunning { stop() }
  }
}
