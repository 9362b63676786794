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

  /// A template from a `--templates` directory, parsed when the renderer is made so a mistake
  /// stops the command before the ingest; or a bundled one (tested to parse), parsed where it is
  /// first rendered, on the core that renders it: the parse costs as much as a small analysis.
  private enum Template: Sendable {
    case parsed(MustacheTemplate)
    case bundled(String)
  }

  private let templates: [String: Template]
  /// The partials each template includes, by name.
  private let includes: [String: [String]]

  /// Loads `report.html.mustache` and `report.md.mustache` (and the parts they include) from
  /// `directory`, or the bundled defaults when `nil`. A template missing from `directory` falls
  /// back to the default.
  public init(templatesDirectory directory: String? = nil) throws(ReportError) {
    MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    MustacheContentTypes.register(HTMLEntityContentType(), named: "HTML")
    var templates: [String: Template] = [:]
    var includes: [String: [String]] = [:]
    for name in DefaultTemplates.names {
      let custom = try directory.flatMap { directory throws(ReportError) in
        try TemplateSafety.read(name, in: directory)
      }
      guard let text = custom ?? DefaultTemplates.text(named: name) else { throw .templateNotFound(name) }
      includes[name] = try TemplateSafety.partials(of: text, name: name)
      templates[name] =
        try custom.map { text throws(ReportError) in .parsed(try Self.parse(text, name: name)) }
        ?? .bundled(text)
    }
    try TemplateSafety.checkCycles(includes)
    self.templates = templates
    self.includes = includes
  }

  private static func parse(_ text: String, name: String) throws(ReportError) -> MustacheTemplate {
    do {
      return try MustacheTemplate(string: text)
    } catch {
      throw .templateInvalid(name: name, reason: "\(error)")
    }
  }

  /// A library of `root` and every partial it reaches, the bundled ones parsed here.
  private func library(for root: String) throws(ReportError) -> MustacheLibrary {
    var library = MustacheLibrary()
    var pending = [root]
    var seen: Set<String> = []
    while let name = pending.popLast() {
      guard seen.insert(name).inserted, let template = templates[name] else { continue }
      switch template {
      case .parsed(let parsed): library.register(parsed, named: name)
      case .bundled(let text): library.register(try Self.parse(text, name: name), named: name)
      }
      pending += includes[name] ?? []
    }
    return library
  }

  /// `root` rendered with `context` from `library`.
  private static func render(_ context: Any, root: String, from library: MustacheLibrary) throws(ReportError)
    -> String
  {
    guard let rendered = library.render(context, withTemplate: root) else { throw .templateNotFound(root) }
    return rendered
  }

  private func render(_ context: Any, with root: String) throws(ReportError) -> String {
    try Self.render(context, root: root, from: try library(for: root))
  }

  /// What does not need the view: the parsed templates and report.json.
  private final class Unviewed: @unchecked Sendable {
    var json = ""
    var html: Result<MustacheLibrary, ReportError> = .failure(.templateNotFound(htmlRoot))
    var markdown: Result<MustacheLibrary, ReportError> = .failure(.templateNotFound(markdownRoot))
  }

  private static let htmlRoot = "report.html.mustache"
  private static let markdownRoot = "report.md.mustache"

  /// Renders the report: HTML and Markdown from the view of `document`, which carries all they
  /// draw, and report.json from the document itself.
  public func render(_ document: ReportDocument) throws(ReportError) -> Output {
    try render(document, styledBy: { $0 }).output
  }

  /// Renders the report of `document` with its input paths shown in `style` (`withPaths`), and
  /// returns that document too, for what else the command prints from it.
  public func render(_ document: ReportDocument, paths style: PathStyle, relativeTo directory: String)
    throws(ReportError) -> (document: ReportDocument, output: Output)
  {
    try render(document) { $0.withPaths(style, relativeTo: directory) }
  }

  private func render(_ document: ReportDocument, styledBy style: (ReportDocument) -> ReportDocument)
    throws(ReportError) -> (document: ReportDocument, output: Output)
  {
    // One core parses the bundled templates while the other restyles the paths (one core's
    // work); then one encodes report.json while the other builds the view (mostly its charts,
    // which spread over the cores too); then HTML and Markdown render on a core each.
    // `unviewed` is written by each side task only, and read once it is done.
    let unviewed = Unviewed()
    let styled = Concurrently.alongside({
      unviewed.html = Result { () throws(ReportError) in try library(for: Self.htmlRoot) }
      unviewed.markdown = Result { () throws(ReportError) in try library(for: Self.markdownRoot) }
    }) { style(document) }
    let sendable = Unchecked(value: styled)
    let tree = Concurrently.alongside({ unviewed.json = Self.json(sendable.value) }) {
      MustacheTree.build(ReportViewBuilder().view(styled)) as Any
    }
    // Read-only once built, so the renders may share it.
    let view = Unchecked(value: tree)
    let libraries = Unchecked(value: (html: unviewed.html, markdown: unviewed.markdown))
    let files = Concurrently.map(2) { file -> Result<String, ReportError> in
      Result { () throws(ReportError) in
        file == 0
          ? try Self.render(view.value, root: Self.htmlRoot, from: libraries.value.html.get())
          : MarkdownLineWrapper().wrap(
            try Self.render(view.value, root: Self.markdownRoot, from: libraries.value.markdown.get()))
      }
    }
    let output = Output(html: try files[0].get(), markdown: try files[1].get(), json: unviewed.json)
    return (styled, output)
  }

  /// Renders `capacity compare`'s result.
  public func render(_ document: ComparisonDocument) throws(ReportError) -> Output {
    let view = MustacheTree.build(ComparisonView(document)) as Any
    return Output(
      html: try render(view, with: "compare.html.mustache"),
      markdown: try render(view, with: "compare.md.mustache"),
      json: Self.json(document))
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
