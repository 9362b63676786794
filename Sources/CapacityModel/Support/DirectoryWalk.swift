import Foundation

/// The one directory walk: inputs, manifests and anything else given as a folder.
package enum DirectoryWalk {
  /// Regular files under `directory`, recursively, sorted; hidden files and folders are skipped.
  package static func regularFiles(under directory: String) -> [String] {
    let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    guard
      let enumerator = FileManager.default.enumerator(
        at: URL(fileURLWithPath: base), includingPropertiesForKeys: [.isRegularFileKey],
        options: [.skipsHiddenFiles])
    else { return [] }
    var paths: [String] = []
    let prefixLength = URL(fileURLWithPath: base).standardizedFileURL.path.count
    for case let url as URL in enumerator {
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else {
        continue
      }
      let relative = url.standardizedFileURL.path.dropFirst(prefixLength)
      paths.append(base + relative)
    }
    return paths.sorted()
  }
}
