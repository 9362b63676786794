/// One input file of a run, with its content hash so provenance can be checked later.
public struct SourceFile: Sendable, Equatable, Codable {
  public var path: String
  /// What the file held, e.g. `locust-stats`.
  public var role: String
  /// SHA-256 of the file's bytes, lowercase hex.
  public var sha256: String
  /// Size in bytes.
  public var bytes: Int64

  public init(path: String, role: String, sha256: String, bytes: Int64) {
    self.path = path
    self.role = role
    self.sha256 = sha256
    self.bytes = bytes
  }
}
