import CapacityModel
import Mustache

/// `{{% CONTENT_TYPE: MARKDOWN }}`: escapes what would break a Markdown table or inject markup,
/// so messages from input files (tracebacks, `<script>` in a label) print as text.
package struct MarkdownContentType: MustacheContentType {
  package func escapeText(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "<", ">", "&": escaped += HTMLEscaping.entity(for: character) ?? ""
      case "|", "\\", "`", "*", "_", "[", "]": escaped += "\\" + String(character)
      case "\n", "\r\n", "\r": escaped += " "
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
