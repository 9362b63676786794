/// A recoverable problem in an input, reported as `file:line: warning: message`.
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String

  public init(_ location: SourceLocation, _ message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): warning: \(message)" }
}
