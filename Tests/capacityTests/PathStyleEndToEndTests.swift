import Foundation
import Testing

/// `--path-style` on the real binary: the light run and its resource samples given by absolute
/// paths, and a stray file skipped, in a scratch directory the binary runs in. The default names
/// every file relative to it, so no report carries the scratch directory's absolute path;
/// `basename` the file name alone; `absolute` the path as given.
@Suite struct PathStyleEndToEndTests {
  @Test(arguments: ["relative", "basename", "absolute"]) func reportsNameFilesInTheStyle(_ style: String)
    throws
  {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    try runner.stage("samples/runs/light", as: "in/light")
    try runner.stage("samples/extra/resources/light", as: "in/resources")
    try "not a result\n".write(toFile: runner.path("in/notes.txt"), atomically: true, encoding: .utf8)
    let root = URL(fileURLWithPath: runner.path("")).resolvingSymlinksInPath().path
    let result = try runner.run(
      ["analyze", runner.path("in"), "-q", "--manifests", BinaryRunner.repository.path + "/samples/k8s"]
        + (style == "relative" ? [] : ["--path-style", style]))
    try #require(result.status == 0, "stderr: \(result.stderr)")
    let json = try String(contentsOfFile: runner.path("capacity-report/report.json"), encoding: .utf8)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let runs = try #require(document["runs"] as? [[String: Any]])
    let files = runs.flatMap { $0["source_files"] as? [String] ?? [] }.sorted()
    let skipped = document["skipped_files"] as? [String] ?? []
    let resources = (document["resources"] as? [String: Any])?["files"] as? [[String: Any]] ?? []
    let resourcePaths = resources.compactMap { $0["path"] as? String }.sorted()
    let names = ["light_exceptions.csv", "light_failures.csv", "light_stats.csv", "light_stats_history.csv"]
    switch style {
    case "basename":
      #expect(files == names)
      #expect(skipped == ["notes.txt"])
      #expect(resourcePaths == ["pidstat.txt", "sar_u_r.csv"])
    case "absolute":
      #expect(files.allSatisfy { $0.hasPrefix("/") && $0.hasSuffix(".csv") }, "\(files)")
      #expect(skipped.count == 1 && skipped[0].hasPrefix("/") && skipped[0].hasSuffix("in/notes.txt"))
    default:
      #expect(files == names.map { "in/light/\($0)" })
      #expect(skipped == ["in/notes.txt"])
      #expect(resourcePaths == ["in/resources/pidstat.txt", "in/resources/sar_u_r.csv"])
      // The manifests outside the scratch directory are named with `..`, never absolutely.
      for name in ["report.json", "report.md", "report.html"] {
        let text = try String(contentsOfFile: runner.path("capacity-report/\(name)"), encoding: .utf8)
        #expect(
          !text.contains(root) && !text.contains(runner.path("in")), "\(name) names the scratch directory")
        #expect(
          Self.absoluteMentions(of: BinaryRunner.repository.path, in: text) == 0,
          "\(name) names the repository absolutely")
      }
    }
  }

  /// Occurrences of `path` not reached through `..` (a relative path to it ends in the same letters).
  static func absoluteMentions(of path: String, in text: String) -> Int {
    var count = 0
    var rest = text[...]
    while let range = rest.range(of: path) {
      if !rest[..<range.lowerBound].hasSuffix("..") { count += 1 }
      rest = rest[range.upperBound...]
    }
    return count
  }
}
