import Testing

@testable import CapacityModel
@testable import CapacityReport

/// The byte-level escapers against a character-by-character reference (the rules as written), on
/// seeded random text mixing the escaped ASCII with multi-byte characters.
@Suite struct EscapingTests {
  private static let alphabet: [String] = [
    "a", "Z", "0", " ", "<", ">", "&", "\"", "'", "|", "\\", "`", "*", "_", "[", "]", "\n", "\r", "\r\n",
    "é", "日本", "🚀", "👩‍💻", "\t", "=",
  ]

  private static func randomTexts() -> [String] {
    var generator = SeededGenerator(seed: 20_261_202)
    return (0..<2000).map { _ in
      let length = Int(generator.next() % 40)
      return (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
    }
  }

  private static func referenceHTML(_ text: String) -> String {
    let entities: [Character: String] = [
      "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
    ]
    return text.map { entities[$0] ?? String($0) }.joined()
  }

  private static func referenceMarkdown(_ text: String) -> String {
    text.map { character -> String in
      switch character {
      case "<": "&lt;"
      case ">": "&gt;"
      case "&": "&amp;"
      case "|", "\\", "`", "*", "_", "[", "]": "\\" + String(character)
      case "\n", "\r\n", "\r": " "
      default: String(character)
      }
    }.joined()
  }

  @Test func htmlMatchesTheCharacterRules() {
    for text in Self.randomTexts() {
      #expect(HTMLEscaping.escape(text) == Self.referenceHTML(text), "\(text.debugDescription)")
      #expect(HTMLEntityContentType().escapeText(text) == Self.referenceHTML(text))
    }
  }

  @Test func markdownMatchesTheCharacterRules() {
    for text in Self.randomTexts() {
      #expect(
        MarkdownContentType().escapeText(text) == Self.referenceMarkdown(text), "\(text.debugDescription)")
    }
  }

  /// A combining mark makes `<` part of another character; its byte is escaped all the same, so no
  /// raw `<` reaches the page.
  @Test func markupBytesUnderACombiningMarkAreEscaped() {
    #expect(HTMLEscaping.escape("<\u{338}script>") == "&lt;\u{338}script&gt;")
    #expect(MarkdownContentType().escapeText("|\u{301}x") == "\\|\u{301}x")
    #expect(HTMLEscaping.escape("\"\u{301}'\u{301}") == "&quot;\u{301}&#39;\u{301}")
  }

  @Test func textWithoutMarkupIsReturnedAsIs() {
    #expect(HTMLEscaping.escape("") == "")
    #expect(HTMLEscaping.escape("GET /api/cart 日本 🚀") == "GET /api/cart 日本 🚀")
    #expect(MarkdownContentType().escapeText("p95 788 ms") == "p95 788 ms")
  }
}
