import CapacityModel
import Foundation

extension ReportDocument {
  /// The document with every input path it names (run and resource files, skipped files, the
  /// `--slo` file, and the same paths inside warnings, notes and reasons) shown in `style`. Keys keep
  /// their meaning: `runs[].source_files` still lists the run's files, named differently.
  public func withPaths(_ style: PathStyle, relativeTo directory: String) -> ReportDocument {
    let paths = Set(inputPaths.filter { !$0.isEmpty })
    let mapping = Dictionary(
      uniqueKeysWithValues: paths.map { ($0, style.display($0, relativeTo: directory)) })
    guard mapping.contains(where: { $0.key != $0.value }) else { return self }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    guard let data = try? encoder.encode(self) else { return self }
    var escaped: [String: String] = [:]
    for (from, to) in mapping { escaped[Self.jsonEscaped(from, encoder)] = Self.jsonEscaped(to, encoder) }
    let text = PathReplacer(escaped).replace(String(decoding: data, as: UTF8.self))
    guard var document = try? JSONDecoder().decode(ReportDocument.self, from: Data(text.utf8)) else {
      return self
    }
    document.runDetails = runDetails.mapValues { detail in
      var detail = detail
      detail.sourceFiles = detail.sourceFiles.map { file in
        var file = file
        file.path = mapping[file.path] ?? file.path
        return file
      }
      return detail
    }
    return document
  }

  /// Every input path the document names as a path.
  private var inputPaths: [String] {
    runs.flatMap { $0.sourceFiles + ($0.generators ?? []).map(\.file) } + skippedFiles
      + (resources?.files.map(\.path) ?? []) + [slo.source].compactMap { $0 }
      + (footprint?.components.map(\.source) ?? []) + (quotaAndLimits?.ignored.map(\.file) ?? [])
      + runDetails.values.flatMap { $0.sourceFiles.map(\.path) }
  }

  /// `text` as it appears inside a JSON string of `encoder`'s output (without the quotes).
  private static func jsonEscaped(_ text: String, _ encoder: JSONEncoder) -> String {
    let quoted = (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\(text)\""
    return String(quoted.dropFirst().dropLast())
  }
}

/// Replaces whole paths in one pass, longest first, so a path inside a longer one is left alone; a
/// match must not continue a name (a letter, digit, `_`, `-`, `.` or `/` before it, or a letter,
/// digit, `_`, `-` or `/` after it).
private struct PathReplacer {
  private let byFirstByte: [UInt8: [([UInt8], [UInt8])]]

  init(_ mapping: [String: String]) {
    var groups: [UInt8: [([UInt8], [UInt8])]] = [:]
    for (from, to) in mapping where !from.isEmpty {
      let bytes = Array(from.utf8)
      groups[bytes[0], default: []].append((bytes, Array(to.utf8)))
    }
    byFirstByte = groups.mapValues { $0.sorted { $0.0.count > $1.0.count } }
  }

  func replace(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if let (length, replacement) = match(bytes, at: index) {
        output.append(contentsOf: replacement)
        index += length
      } else {
        output.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  private func match(_ bytes: [UInt8], at index: Int) -> (Int, [UInt8])? {
    guard let candidates = byFirstByte[bytes[index]] else { return nil }
    if index > 0, Self.continuesBefore(bytes[index - 1]) { return nil }
    for (from, to) in candidates where index + from.count <= bytes.count {
      guard bytes[index..<(index + from.count)].elementsEqual(from) else { continue }
      let after = index + from.count
      if after < bytes.count, Self.continuesAfter(bytes[after]) { continue }
      return (from.count, to)
    }
    return nil
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte >= 0x80
  }

  private static func continuesBefore(_ byte: UInt8) -> Bool {
    isNameByte(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")
  }

  private static func continuesAfter(_ byte: UInt8) -> Bool { isNameByte(byte) || byte == UInt8(ascii: "/") }
}
