import CapacityAnalysis
import CapacityModel
import CapacityTemplates
import Foundation
import Mustache

/// Renders a report view through the Mustache templates and encodes the JSON document.
public struct ReportRenderer: Sendable {
  /// The rendered files: name → contents.
  public struct Output: Sendable {
    public var html: String
    public var markdown: String
    public var json: String
  }

  private let library: MustacheLibrary

  /// Loads `report.html.mustache` and `report.md.mustache` from `directory`, or the bundled
  /// defaults when `nil`. A template missing from `directory` falls back to the default.
  public init(templatesDirectory directory: String? = nil) throws(ReportError) {
    MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    var library = MustacheLibrary()
    var includes: [String: [String]] = [:]
    for name in DefaultTemplates.names {
      let custom = try directory.flatMap { directory throws(ReportError) in
        try TemplateSafety.read(name, in: directory)
      }
      guard let text = custom ?? DefaultTemplates.text(named: name) else { throw .templateNotFound(name) }
      includes[name] = try TemplateSafety.partials(of: text, name: name)
      do {
        library.register(try MustacheTemplate(string: text), named: name)
      } catch {
        throw .templateInvalid(name: name, reason: "\(error)")
      }
    }
    try TemplateSafety.checkCycles(includes)
    self.library = library
  }

  /// Renders the report: HTML and Markdown from the view of `document`, which carries all they
  /// draw, and report.json from the document itself.
  public func render(_ document: ReportDocument) throws(ReportError) -> Output {
    // Read-only once built, so the renders may share it.
    let view = Unchecked(value: MustacheTree.build(ReportViewBuilder().view(document)) as Any)
    // The three files are independent: HTML, the longest, takes one core while Markdown and the
    // JSON share another.
    let library = self.library
    let files = Concurrently.map(3) { file -> String? in
      switch file {
      case 0: library.render(view.value, withTemplate: "report.html.mustache")
      case 1: library.render(view.value, withTemplate: "report.md.mustache").map(MarkdownLineWrapper().wrap)
      default: Self.json(document)
      }
    }
    let (html, markdown, json) = (files[0], files[1], files[2])
    guard let html else { throw .templateNotFound("report.html.mustache") }
    guard let markdown else { throw .templateNotFound("report.md.mustache") }
    return Output(html: html, markdown: markdown, json: json ?? "")
  }

  /// Renders `capacity compare`'s result.
  public func render(_ document: ComparisonDocument) throws(ReportError) -> Output {
    let view = MustacheTree.build(ComparisonView(document)) as Any
    guard let html = library.render(view, withTemplate: "compare.html.mustache") else {
      throw .templateNotFound("compare.html.mustache")
    }
    guard let markdown = library.render(view, withTemplate: "compare.md.mustache") else {
      throw .templateNotFound("compare.md.mustache")
    }
    return Output(html: html, markdown: markdown, json: Self.json(document))
  }

  /// Stable JSON: sorted keys, snake_case, no escaped slashes.
  public static func json(_ document: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    // Encoding plain value types cannot fail.
    let data = (try? encoder.encode(document)) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
