/// Escapes text for HTML element content and attribute values.
public enum HTMLEscaping {
  /// `text` with `& < > " '` as entities. The five are ASCII, and an ASCII byte never occurs inside
  /// a multi-byte UTF-8 sequence, so the bytes are scanned instead of the characters (grapheme
  /// breaking cost more than the rest of a chart's drawing); a `<` that a combining mark follows
  /// is escaped too, where a comparison of characters would have let it through.
  public static func escape(_ text: String) -> String {
    let utf8 = text.utf8
    guard let first = utf8.firstIndex(where: { entity(forByte: $0) != nil }) else { return text }
    var escaped = [UInt8]()
    escaped.reserveCapacity(utf8.count + 16)
    escaped.append(contentsOf: utf8[..<first])
    for byte in utf8[first...] {
      if let entity = entity(forByte: byte) {
        escaped.append(contentsOf: entity.utf8)
      } else {
        escaped.append(byte)
      }
    }
    return String(decoding: escaped, as: UTF8.self)
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
