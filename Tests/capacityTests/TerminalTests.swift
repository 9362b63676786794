import Foundation
import Testing

/// The command at a terminal: the progress line in a 50-column pseudo terminal (util-linux
/// `script`), colour rules, `-q`/`-v`, messages that fit the situation.
@Suite(.serialized) struct TerminalTests {
  let samples = BinaryRunner.repository.appendingPathComponent("samples").path

  /// A 72 MB JTL CSV (JMeter 5 default columns): large enough for the byte progress (32 MiB) and
  /// for several of its updates (one per 8 MiB parsed).
  private func writeLargeJTL(_ path: String) throws {
    var text =
      "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
    text += "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n"
    var index = 0
    while text.utf8.count < 72_000_000 {
      let elapsed = 5 + (index * 37) % 900
      text +=
        "\(1_795_918_148_000 + index / 4),\(elapsed),GET /products/\(index % 7),200,OK,Group 1-\(index % 20),"
      text += "text,true,,1234,120,20,20,http://127.0.0.1:8000/products/\(index % 7),\(elapsed - 1),0,1\n"
      index += 1
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  /// Runs `arguments` in a pseudo terminal of `columns` columns; returns what the terminal got.
  private func runInTerminal(_ arguments: [String], columns: Int, in runner: BinaryRunner) throws -> String {
    let command =
      "stty cols \(columns) rows 24; exec "
      + ([BinaryRunner.binary.path] + arguments).map { "'\($0)'" }.joined(
        separator: " ")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qfec", command, "/dev/null"]
    process.currentDirectoryURL = runner.workingDirectory
    var environment = ProcessInfo.processInfo.environment
    environment["CAPACITY_PROGRESS_DELAY"] = "0"
    environment["TERM"] = "xterm"
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// What stays on a `columns`-wide screen after `output`: carriage return, erase to end of line,
  /// newline and autowrap, as a VT100 does them.
  private func screen(_ output: String, columns: Int) -> [String] {
    var lines: [String] = []
    var line: [Character] = []
    var column = 0
    var characters = Array(output)[...]
    while let character = characters.popFirst() {
      switch character {
      case "\u{1B}":
        var sequence = ""
        while let next = characters.popFirst() {
          sequence.append(next)
          if next.isLetter { break }
        }
        if sequence == "[K" { line = Array(line.prefix(column)) }
      case "\r": column = 0
      case "\n", "\r\n":
        lines.append(String(line))
        line = []
        column = 0
      default:
        if column == columns {
          lines.append(String(line))
          line = []
          column = 0
        }
        if column < line.count { line[column] = character } else { line.append(character) }
        column += 1
      }
    }
    if !line.isEmpty { lines.append(String(line)) }
    return lines
  }

  @Test func theProgressLineFitsRedrawsInPlaceAndLeavesNothing() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
    let runner = try BinaryRunner()
    defer { runner.remove() }
    try writeLargeJTL(runner.path("a-load-test-with-a-rather-long-file-name.jtl"))
    let output = try runInTerminal(
      ["analyze", "a-load-test-with-a-rather-long-file-name.jtl", "--db", "t.sqlite", "-o", "rep"],
      columns: 50,
      in: runner)
    let phases = ["parsing", "hashing", "percentiles", "storing", "analysing", "rendering"]
    let drawn = output.components(separatedBy: "\r").map { $0.replacingOccurrences(of: "\u{1B}[K", with: "") }
      .filter { segment in phases.contains { segment.hasPrefix($0 + "  ") } }
    #expect(drawn.count >= 3, "\(output.debugDescription)")
    for segment in drawn {
      #expect(segment.count <= 49, "\(segment)")
      #expect(!segment.contains("\n"))
    }
    #expect(drawn.contains { $0.hasPrefix("parsing  …") && $0.contains(" %") })
    #expect(drawn.contains { $0.hasPrefix("percentiles  ") })
    let left = screen(output, columns: 50)
    #expect(!left.contains { line in phases.contains { line.hasPrefix($0 + "  ") } }, "\(left)")
    #expect(left.contains { $0.contains(" req, ") })
  }

  @Test func quietPrintsNoProgressAndNoSummary() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let output = try runInTerminal(
      ["analyze", samples + "/runs/light", "--db", "t.sqlite", "-o", "rep", "-q"], columns: 80, in: runner)
    #expect(output.isEmpty, "\(output.debugDescription)")
    #expect(FileManager.default.fileExists(atPath: runner.path("rep/report.html")))
  }

  @Test func verboseAddsTimingsAndWroteGoesToStandardError() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run(["analyze", samples + "/runs/light", "--db", "t.sqlite", "-o", "rep", "-v"])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("wrote"))
    #expect(result.stderr.contains("wrote ") && result.stderr.contains("rep/report.html\n"))
    let timing = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("timing: ") })
    for phase in ["parsing", "storing", "analysing", "rendering", "total"] {
      #expect(timing.contains(phase + " "), "\(timing)")
    }
    let conflict = try runner.run(["analyze", samples + "/runs/light", "-q", "-v"])
    #expect(conflict.status == 64)
  }

  @Test func colourFollowsTheFlagAndANonEmptyNoColor() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let arguments = ["check", samples + "/runs/stress", "--db", "t.sqlite"]
    let always = try runner.run(arguments + ["--color", "always"], environment: ["NO_COLOR": "1"])
    #expect(always.stdout.contains("\u{1B}[31mFAIL\u{1B}[0m"))
    #expect(always.status == 2)
    let never = try runner.run(arguments + ["--color", "never"])
    #expect(!never.stdout.contains("\u{1B}["))
    // Not a terminal: auto means no colour, whatever NO_COLOR says.
    let auto = try runner.run(arguments, environment: ["NO_COLOR": ""])
    #expect(!auto.stdout.contains("\u{1B}["))
  }

  @Test func anEmptyNoColorKeepsColourAtATerminal() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
    let runner = try BinaryRunner()
    defer { runner.remove() }
    func check(_ noColor: String) throws -> String {
      let command =
        "NO_COLOR='\(noColor)' exec '\(BinaryRunner.binary.path)' check '\(samples)/runs/stress' --db t.sqlite"
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
      process.arguments = ["-qfec", command, "/dev/null"]
      process.currentDirectoryURL = runner.workingDirectory
      var environment = ProcessInfo.processInfo.environment
      environment["TERM"] = "xterm"
      process.environment = environment
      let out = Pipe()
      process.standardOutput = out
      process.standardInput = FileHandle.nullDevice
      try process.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }
    #expect(try check("").contains("\u{1B}[31mFAIL"))
    #expect(!(try check("1")).contains("\u{1B}[31mFAIL"))
  }

  @Test func runsSaysWhichFilterMatchedNothing() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let empty = try runner.run(["runs", "--db", "t.sqlite"])
    #expect(empty.stdout.hasPrefix("no runs stored yet"))
    _ = try runner.run(["ingest", samples + "/runs/light", "--db", "t.sqlite"])
    let none = try runner.run(["runs", "--tool", "k6", "--db", "t.sqlite"])
    #expect(none.status == 0)
    #expect(none.stdout == "no runs match --tool k6\n")
  }

  @Test func helpReferencesOnlyWhatShips() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    for command in ["analyze", "check", "plan", "report", "compare"] {
      let help = try runner.run([command, "--help"])
      #expect(!help.stdout.contains("CAPACITY-MATH"), "\(command)")
      #expect(!help.stdout.contains("README"), "\(command)")
    }
  }
}
