import CapacityModel
import Foundation

/// Checks a custom template before it is parsed: it must resolve (symlinks included) inside the
/// templates directory, be a regular file of bounded size, include no partial that leads back to
/// itself, and nest sections no deeper than `maximumDepth` (the renderer recurses per level).
package enum TemplateSafety {
  package static let maximumBytes = 4 << 20
  package static let maximumDepth = 100

  /// The template's text, or `nil` when `name` is not in `directory` (the default is used then).
  package static func read(_ name: String, in directory: String) throws(ReportError) -> String? {
    let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name).path
    guard FileManager.default.fileExists(atPath: candidate) else { return nil }
    let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
    guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
      throw .templateInvalid(
        name: candidate,
        reason:
          "it resolves to \(resolved), outside the templates directory \(root); copy the file in instead")
    }
    guard BoundedFileRead.isRegularFile(resolved) == true else {
      throw .templateInvalid(name: candidate, reason: "not a regular file")
    }
    let size =
      (try? FileManager.default.attributesOfItem(atPath: resolved)[.size] as? NSNumber)?.intValue ?? 0
    guard size <= maximumBytes else {
      throw .templateInvalid(
        name: candidate, reason: "\(size) bytes; templates are limited to \(maximumBytes)")
    }
    guard let data = FileManager.default.contents(atPath: resolved) else {
      throw .templateInvalid(name: candidate, reason: "cannot be read")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .templateInvalid(name: candidate, reason: "not UTF-8 text")
    }
    return text
  }

  /// The partials a template includes (`{{> name}}`), after checking its section depth.
  package static func partials(of text: String, name: String) throws(ReportError) -> [String] {
    var partials: [String] = []
    var depth = 0
    let bytes = text.utf8
    var cursor = bytes.startIndex
    while let open = doubled(UInt8(ascii: "{"), in: bytes, from: cursor) {
      let start = bytes.index(open, offsetBy: 2)
      guard let close = doubled(UInt8(ascii: "}"), in: bytes, from: start) else { break }
      let tag = text[start..<close]
      cursor = bytes.index(close, offsetBy: 2)
      switch tag.first {
      case "#", "^":
        depth += 1
        guard depth <= maximumDepth else {
          throw .templateInvalid(name: name, reason: "sections nested deeper than \(maximumDepth) levels")
        }
      case "/": depth = max(0, depth - 1)
      case ">": partials.append(tag.dropFirst().trimmingCharacters(in: .whitespaces))
      case "=":
        throw .templateInvalid(
          name: name, reason: "set-delimiter tags ({{=…=}}) are not supported in custom templates")
      default: break
      }
    }
    return partials
  }

  /// The index of the first of two `byte`s in a row at or after `start`. A scan of the bytes:
  /// Foundation's `range(of:)` measured the whole template in UTF-16 at every tag (0.25 G
  /// instructions for the default templates).
  private static func doubled(_ byte: UInt8, in bytes: String.UTF8View, from start: String.Index) -> String
    .Index?
  {
    var index = start
    while index < bytes.endIndex {
      let next = bytes.index(after: index)
      if bytes[index] == byte, next < bytes.endIndex, bytes[next] == byte { return index }
      index = next
    }
    return nil
  }

  /// Throws when a partial leads back to the template that includes it.
  package static func checkCycles(_ includes: [String: [String]]) throws(ReportError) {
    for start in includes.keys.sorted() {
      var path = [start]
      var frontier = [(start, [start])]
      var seen: Set<String> = []
      while let (name, trail) = frontier.popLast() {
        for next in includes[name] ?? [] {
          if next == start {
            path = trail + [next]
            throw .templateInvalid(
              name: start, reason: "partials include each other in a loop: " + path.joined(separator: " → "))
          }
          if seen.insert(next).inserted { frontier.append((next, trail + [next])) }
        }
      }
    }
  }
}
