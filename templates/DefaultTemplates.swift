import Foundation

/// The default report templates. The `.mustache` files beside this file are the source of truth;
/// the EmbedTemplates build plugin (Plugins/, tool in Sources/embed-templates) compiles them into
/// this target as string literals on every build, so the binary needs no resource folder (it can
/// be copied alone), and `capacity templates export DIR` writes them out for customisation.
public enum DefaultTemplates {
  /// Template file names, in the order the report writes them. report.html.mustache and
  /// report.md.mustache include their four parts as partials: swift-mustache's parser measures
  /// the rest of the template at every brace, so its cost grows with the square of a template's
  /// length (parsing all the templates took 274 M instructions with the HTML in one 22 KB file,
  /// 156 M with it in parts, and 116 M with the Markdown in parts too).
  public static let names = [
    "report.html.mustache", "report-head.html.mustache", "report-answer.html.mustache",
    "report-runs.html.mustache", "report-analysis.html.mustache", "report.md.mustache",
    "report-head.md.mustache", "report-answer.md.mustache", "report-runs.md.mustache",
    "report-analysis.md.mustache", "compare.html.mustache", "compare.md.mustache",
  ]

  /// The default text of a template, or `nil` for a name that is not one of `names`.
  public static func text(named name: String) -> String? { embedded(named: name) }

  /// Where the editable source of the templates lives in a checkout (for tests and scripts).
  public static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
}
