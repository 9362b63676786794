import CapacityModel
import Mustache

/// `{{% CONTENT_TYPE: MARKDOWN }}`: escapes what would break a Markdown table or inject markup,
/// so messages from input files (tracebacks, `<script>` in a label) print as text.
package struct MarkdownContentType: MustacheContentType {
  /// Byte by byte (`ASCIIEscaping`): every character escaped here is ASCII. A line break (`\n`,
  /// `\r\n` or `\r`) becomes one space.
  package func escapeText(_ text: String) -> String {
    ASCIIEscaping.escape(text) { byte, previous in
      switch byte {
      case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): HTMLEscaping.entity(forByte: byte)
      case UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
        UInt8(ascii: "["), UInt8(ascii: "]"):
        "\\" + String(UnicodeScalar(byte))
      case UInt8(ascii: "\n") where previous == UInt8(ascii: "\r"): ""
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"): " "
      default: nil
      }
    }
  }
}

/// The templates' `{{% CONTENT_TYPE: HTML }}`: the same five entities as swift-mustache's own HTML
/// type, found by a byte scan (its per-character dictionary lookup was most of a large report's
/// escaping). Registered under the library's name, so the templates read as plain Mustache.
package struct HTMLEntityContentType: MustacheContentType {
  package func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}
