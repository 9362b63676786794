import Foundation

/// Where the default report templates are found. The `.mustache` files beside this file are the
/// source of truth; SwiftPM copies them into `capacity_CapacityTemplates.resources` next to the
/// binary, and `capacity templates export DIR` copies them out for customisation.
public enum DefaultTemplates {
  /// Template file names, in the order the report writes them.
  public static let names = [
    "report.html.mustache", "report.md.mustache", "compare.html.mustache", "compare.md.mustache",
  ]

  /// The default copy of a template, or `nil` when neither the resource folder beside the
  /// executable nor the source checkout it was built from is there.
  ///
  /// Deliberately not `Bundle.module`: its accessor calls `fatalError` when the bundle is missing,
  /// and a binary copied without its resources should fail with a message, not a crash.
  public static func url(named name: String) -> URL? {
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("capacity_CapacityTemplates.resources"),
      executable.deletingLastPathComponent().appendingPathComponent("capacity_CapacityTemplates.resources"),
      URL(fileURLWithPath: #filePath).deletingLastPathComponent(),
    ]
    return candidates.map { $0.appendingPathComponent(name) }.first {
      FileManager.default.fileExists(atPath: $0.path)
    }
  }
}
