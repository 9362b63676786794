import Foundation

/// Why a settings file (manifests, profiles, SLO, component mapping) could not be read.
public enum SettingsFileError: Error, Equatable, LocalizedError {
  /// The path does not exist.
  case notFound(path: String)
  /// The file exists but cannot be read.
  case unreadable(path: String)
  /// A directory holds no `.yaml`/`.yml` file.
  case noManifests(path: String)
  /// The file is read but refused before parsing: not a regular file, too large, not UTF-8.
  case refused(path: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .notFound(let path): "'\(path)' does not exist"
    case .unreadable(let path): "cannot read '\(path)'"
    case .noManifests(let path): "no .yaml or .yml files in '\(path)'"
    case .refused(let path, let reason): "\(path): \(reason)"
    }
  }
}
