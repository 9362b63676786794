import Foundation
import Testing

/// The generated bash completion, run in bash the way `complete -F` calls it: path options offer
/// files of their kind and directories, enumerated values complete.
@Suite(.serialized) struct CompletionTests {
  /// The candidates bash's completion function offers for `words` (the last is being completed).
  private func candidates(_ words: [String], in runner: BinaryRunner) throws -> [String] {
    let driver = """
      source "$1"; shift
      COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
      COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
      _capacity "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    try driver.write(toFile: runner.path("driver.bash"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["bash", "driver.bash", "capacity.bash", "capacity"] + words
    process.currentDirectoryURL = runner.workingDirectory
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text.split(separator: "\n").map(String.init).sorted()
  }

  @Test func pathOptionsAndEnumeratedValuesComplete() throws {
    guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let script = try runner.run(["--generate-completion-script", "bash"])
    #expect(script.status == 0)
    try script.stdout.write(toFile: runner.path("capacity.bash"), atomically: true, encoding: .utf8)
    for directory in ["k8s", "runs"] {
      try FileManager.default.createDirectory(
        atPath: runner.path(directory), withIntermediateDirectories: true)
    }
    for file in ["deploy.yaml", "slo.yml", "events.csv", "runs.sqlite", "junit.xml", "notes.txt"] {
      try "".write(toFile: runner.path(file), atomically: true, encoding: .utf8)
    }
    let dirs = ["k8s", "runs"]
    #expect(try candidates(["analyze", "--overhead", ""], in: runner) == ["docker", "k3s", "none"])
    #expect(try candidates(["analyze", "--overhead", "d"], in: runner) == ["docker"])
    #expect(
      try candidates(["analyze", "--manifests", ""], in: runner) == ["deploy.yaml"] + dirs + ["slo.yml"])
    #expect(try candidates(["check", "--slo", ""], in: runner) == ["deploy.yaml"] + dirs + ["slo.yml"])
    #expect(try candidates(["analyze", "--db", ""], in: runner) == dirs + ["runs.sqlite"])
    #expect(try candidates(["analyze", "--events", ""], in: runner) == ["events.csv"] + dirs)
    #expect(try candidates(["analyze", "-o", ""], in: runner) == dirs)
    #expect(try candidates(["report", "--templates", ""], in: runner) == dirs)
    #expect(try candidates(["check", "--junit", ""], in: runner) == ["junit.xml"] + dirs)
    #expect(
      try candidates(["check", "--format", ""], in: runner) == ["github", "gitlab", "json", "junit", "text"])
    #expect(try candidates(["analyze", "--color", ""], in: runner) == ["always", "auto", "never"])
    #expect(
      try candidates(["runs", "--tool", ""], in: runner) == ["gatling", "jmeter", "k6", "locust", "vegeta"])
    #expect(try candidates(["templates", "export", ""], in: runner) == dirs)
    let positional = try candidates(["analyze", ""], in: runner)
    #expect(positional.contains("events.csv") && positional.contains("runs"))
  }

  @Test func zshAndFishScriptsAreGenerated() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let zsh = try runner.run(["--generate-completion-script", "zsh"])
    #expect(zsh.status == 0 && zsh.stdout.hasPrefix("#compdef capacity"))
    #expect(zsh.stdout.contains("--manifests[") && zsh.stdout.contains("_files -g '\\''*.yaml *.yml'\\''"))
    let fish = try runner.run(["--generate-completion-script", "fish"])
    #expect(fish.status == 0 && fish.stdout.contains("complete -c 'capacity'"))
    #expect(fish.stdout.contains("-l 'overhead'") && fish.stdout.contains("none docker k3s"))
  }
}
