/// Wraps the long prose lines of a rendered Markdown report at spaces, so the source reads in a
/// terminal or a diff; the rendered page is the same (a soft line break renders as a space).
/// Table rows, headings, code and Mermaid blocks and HTML lines are left alone. A continuation
/// line never starts with what would open a block (`-`, `+`, `*`, `#`, `>`, `|`, `=`, `<`, a
/// backtick fence or `1.`), and continues a list item at its indentation.
package struct MarkdownLineWrapper: Sendable {
  /// Lines up to this many characters are left as they are.
  package var limit = 120
  /// Wrapped lines are cut at the last space at or before this many characters.
  package var width = 100

  package init() {}

  package func wrap(_ markdown: String) -> String {
    var inFence = false
    var lines: [Substring] = []
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") || line.hasPrefix("~~~") { inFence.toggle() }
      if inFence || line.count <= limit || !isProse(line) {
        lines.append(line)
      } else {
        lines += wrapLine(line).map { Substring($0) }
      }
    }
    return lines.joined(separator: "\n")
  }

  private func isProse(_ line: Substring) -> Bool {
    guard let first = line.first else { return false }
    return !"|#<` \t".contains(first)
  }

  private func wrapLine(_ line: Substring) -> [String] {
    let indent = line.hasPrefix("- ") || line.hasPrefix("* ") ? "  " : ""
    var result: [String] = []
    var current = ""
    for word in line.split(separator: " ", omittingEmptySubsequences: false) {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if candidate.count > width, !current.isEmpty, current != indent, !Self.opensBlock(word) {
        result.append(current)
        current = indent + word
      } else {
        current = candidate
      }
    }
    result.append(current)
    return result
  }

  /// Whether a line starting with `word` would start a list, heading, quote, table, HTML or code block.
  private static func opensBlock(_ word: Substring) -> Bool {
    guard let first = word.first else { return true }
    if "-+*#>|=<".contains(first) || word.hasPrefix("```") || word.hasPrefix("~~~") { return true }
    let digits = word.prefix { $0.isASCII && $0.isNumber }
    return !digits.isEmpty && (word.dropFirst(digits.count).first.map { $0 == "." || $0 == ")" } ?? false)
  }
}
