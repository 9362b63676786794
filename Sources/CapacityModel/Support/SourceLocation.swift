/// A place in an input file; `line` is 1-based, 0 when the whole file is meant.
public struct SourceLocation: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int

  public init(file: String, line: Int = 0) {
    self.file = file
    self.line = line
  }

  public var description: String { line > 0 ? "\(file):\(line)" : file }
}
