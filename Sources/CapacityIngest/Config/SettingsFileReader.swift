import CapacityModel
import Foundation

/// Reads settings files as text for Planning's loaders, which parse them but never touch the file
/// system. Sizes are checked before reading: these files are a few KiB.
public enum SettingsFileReader {
  /// Reads one file as UTF-8 text.
  public static func read(_ path: String) throws(SettingsFileError) -> TextDocument {
    let attributes: [FileAttributeKey: Any]
    do {
      attributes = try FileManager.default.attributesOfItem(atPath: path)
    } catch {
      throw FileManager.default.fileExists(atPath: path) ? .unreadable(path: path) : .notFound(path: path)
    }
    if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
      throw .refused(path: path, reason: "not a regular file")
    }
    if let size = (attributes[.size] as? NSNumber)?.intValue, size > TextDocument.maximumBytes {
      throw .refused(
        path: path,
        reason: "the file is \(size) bytes; settings files are limited to \(TextDocument.maximumBytes) bytes")
    }
    guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .refused(path: path, reason: "the file is not UTF-8 text")
    }
    return TextDocument(path: path, text: text)
  }

  /// Reads files and directories (searched recursively for `.yaml`/`.yml`) in path order; each file
  /// once, however it was named.
  public static func yamlFiles(_ paths: [String]) throws(SettingsFileError) -> [TextDocument] {
    var documents: [TextDocument] = []
    for path in try yamlPaths(paths) { documents.append(try read(path)) }
    return documents
  }

  /// The files to read: explicit files as given, directories expanded to their YAML files; sorted, unique.
  public static func yamlPaths(_ paths: [String]) throws(SettingsFileError) -> [String] {
    var files = Set<String>()
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw .notFound(path: path)
      }
      guard isDirectory.boolValue else {
        files.insert(path)
        continue
      }
      let manifests = DirectoryWalk.regularFiles(under: path).filter {
        let lowered = $0.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
      }
      guard !manifests.isEmpty else { throw .noManifests(path: path) }
      files.formUnion(manifests)
    }
    return files.sorted()
  }
}
