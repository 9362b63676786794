import CapacityModel
import Mustache

/// `{{% CONTENT_TYPE: MARKDOWN }}`: escapes what would break a Markdown table or inject markup,
/// so messages from input files (tracebacks, `<script>` in a label) print as text.
package struct MarkdownContentType: MustacheContentType {
  /// Byte by byte, as `HTMLEscaping` does: every character escaped here is ASCII. A line break
  /// (`\n`, `\r\n` or `\r`) becomes one space.
  package func escapeText(_ text: String) -> String {
    let utf8 = text.utf8
    guard let first = utf8.firstIndex(where: Self.needsEscape) else { return text }
    var escaped = [UInt8]()
    escaped.reserveCapacity(utf8.count + 16)
    escaped.append(contentsOf: utf8[..<first])
    var previous: UInt8 = 0
    for byte in utf8[first...] {
      defer { previous = byte }
      switch byte {
      case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
        escaped.append(contentsOf: (HTMLEscaping.entity(forByte: byte) ?? "").utf8)
      case UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
        UInt8(ascii: "["), UInt8(ascii: "]"):
        escaped.append(UInt8(ascii: "\\"))
        escaped.append(byte)
      case UInt8(ascii: "\n") where previous == UInt8(ascii: "\r"): continue
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"): escaped.append(UInt8(ascii: " "))
      default: escaped.append(byte)
      }
    }
    return String(decoding: escaped, as: UTF8.self)
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "\\"),
      UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
      UInt8(ascii: "\n"), UInt8(ascii: "\r"):
      true
    default: false
    }
  }
}

/// The templates' `{{% CONTENT_TYPE: HTML }}`: the same five entities as swift-mustache's own HTML
/// type, found by a byte scan (its per-character dictionary lookup was most of a large report's
/// escaping). Registered under the library's name, so the templates read as plain Mustache.
package struct HTMLEntityContentType: MustacheContentType {
  package func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}
