/// Escapes text for HTML element content and attribute values.
public enum HTMLEscaping {
  /// `text` with `& < > " '` as entities, found byte by byte (`ASCIIEscaping`).
  public static func escape(_ text: String) -> String {
    ASCIIEscaping.escape(text) { byte, _ in entity(forByte: byte) }
  }

  /// The entity that stands for `byte` in HTML, or `nil` when it needs none.
  package static func entity(forByte byte: UInt8) -> String? {
    switch byte {
    case UInt8(ascii: "&"): "&amp;"
    case UInt8(ascii: "<"): "&lt;"
    case UInt8(ascii: ">"): "&gt;"
    case UInt8(ascii: "\""): "&quot;"
    case UInt8(ascii: "'"): "&#39;"
    default: nil
    }
  }
}
