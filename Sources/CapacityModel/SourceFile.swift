/// One input file of a run, with its content hash so provenance can be checked later.
public struct SourceFile: Sendable, Equatable, Codable {
  public var path: String
  /// What the file held, e.g. `locust-stats`: an `InputKind`'s raw value (see `kind`), stored and
  /// shown as is.
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

extension SourceFile {
  /// The input kind `role` names; `nil` for a role no kind of this version has.
  public var kind: InputKind? { InputKind(rawValue: role) }
}
