/// Escaping that replaces ASCII bytes only, shared by the HTML and Markdown escapers. An ASCII byte
/// never occurs inside a multi-byte UTF-8 sequence, so the text is scanned byte by byte instead of
/// character by character (grapheme breaking cost more than the rest of a chart's drawing), and
/// a byte is escaped even where a combining mark after it makes it part of a larger character.
package enum ASCIIEscaping {
  /// `text` with each byte for which `replacement(byte, previous byte)` is non-nil replaced by
  /// that text (empty: dropped); `text` itself when no byte is. `replacement` must return nil for
  /// every byte that is not ASCII.
  @inlinable
  package static func escape(_ text: String, _ replacement: (UInt8, UInt8) -> String?) -> String {
    let utf8 = text.utf8
    var previous: UInt8 = 0
    guard
      let first = utf8.firstIndex(where: { byte in
        defer { previous = byte }
        return replacement(byte, previous) != nil
      })
    else { return text }
    var escaped = [UInt8]()
    escaped.reserveCapacity(utf8.count + 16)
    escaped.append(contentsOf: utf8[..<first])
    previous = first > utf8.startIndex ? utf8[utf8.index(before: first)] : 0
    for byte in utf8[first...] {
      if let text = replacement(byte, previous) {
        escaped.append(contentsOf: text.utf8)
      } else {
        escaped.append(byte)
      }
      previous = byte
    }
    return String(decoding: escaped, as: UTF8.self)
  }
}
