/// The text of one settings file (a manifest, profiles, SLO or component mapping file) and the path
/// that names it in components and errors. Ingest reads it; Planning parses it without touching files.
public struct TextDocument: Sendable, Equatable {
  /// The path as the user gave it (or as a directory walk found it).
  public var path: String
  /// The largest settings file read or parsed (manifests, profiles and SLO files are a few KiB).
  public static let maximumBytes = 16 << 20

  /// The whole file, decoded as UTF-8.
  public var text: String

  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }
}
