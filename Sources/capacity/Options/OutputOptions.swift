import ArgumentParser
import CapacityKit
import Foundation

/// Where the report goes and which templates render it.
struct OutputOptions: ParsableArguments {
  @Option(
    name: [.short, .customLong("output")], help: ArgumentHelp("Report directory.", valueName: "dir"),
    completion: .directory)
  var output = "capacity-report"

  @Option(
    help: ArgumentHelp(
      "Directory with report.html.mustache / report.md.mustache overriding the built-in ones.",
      valueName: "dir"), completion: .directory)
  var templates: String?

  @Option(
    help: ArgumentHelp(
      "How the report names input files: relative to the current directory, the file name alone, or absolute.",
      valueName: "style"))
  var pathStyle: PathStyle = .relative

  /// The report of `document` with its input paths in `--path-style`, and that document.
  func render(_ document: ReportDocument, with renderer: ReportRenderer) throws -> (
    document: ReportDocument, output: ReportRenderer.Output
  ) {
    try renderer.render(document, paths: pathStyle, relativeTo: FileManager.default.currentDirectoryPath)
  }

  /// Writes report.html, report.md and report.json; returns their paths.
  func write(_ rendered: ReportRenderer.Output) throws -> [String] {
    do {
      try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    } catch {
      throw FileSystemError("create the report directory", path: output, underlying: error)
    }
    let files = [
      ("report.html", rendered.html), ("report.md", rendered.markdown), ("report.json", rendered.json),
    ]
    return try files.map { name, contents in
      let path = URL(fileURLWithPath: output).appendingPathComponent(name).path
      do {
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
      } catch {
        throw FileSystemError("write", path: path, underlying: error)
      }
      return path
    }
  }
}

extension PathStyle: ExpressibleByArgument {}
