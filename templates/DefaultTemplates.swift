import Foundation

/// Where the default report templates are bundled. The `.mustache` files beside this file are the
/// source of truth; `capacity templates export DIR` copies them out for customisation.
public enum DefaultTemplates {
  /// Template file names, in the order the report writes them.
  public static let names = ["report.html.mustache", "report.md.mustache"]

  /// The bundled copy of a template, or `nil` when the resource bundle is missing.
  public static func url(named name: String) -> URL? {
    Bundle.module.url(forResource: name, withExtension: nil)
  }
}
