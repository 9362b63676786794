/// One CSV record: its fields and the 1-based line it starts on.
public struct CSVRecord: Sendable, Equatable {
  public var fields: [String]
  public var line: Int

  public init(fields: [String], line: Int) {
    self.fields = fields
    self.line = line
  }
}
