/// Escapes text for HTML element content and attribute values.
public enum HTMLEscaping {
  public static func escape(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
      if let entity = entity(for: character) { escaped += entity } else { escaped.append(character) }
    }
    return escaped
  }

  /// The entity that stands for `character` in HTML, or `nil` when it needs none.
  package static func entity(for character: Character) -> String? {
    switch character {
    case "&": "&amp;"
    case "<": "&lt;"
    case ">": "&gt;"
    case "\"": "&quot;"
    case "'": "&#39;"
    default: nil
    }
  }
}
