import CapacityModel

/// What a fetch brought back: one resource file per query and window that had series, and the
/// warnings to show (a default query with no data, series the parser could not read).
public struct PrometheusFetch: Sendable, Equatable {
  public var files: [ResourceFile] = []
  public var warnings: [String] = []

  public init(files: [ResourceFile] = [], warnings: [String] = []) {
    self.files = files
    self.warnings = warnings
  }
}
