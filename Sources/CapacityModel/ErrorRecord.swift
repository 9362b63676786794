import Foundation

/// One distinct failure message of one endpoint, as the tool grouped it.
public struct ErrorRecord: Sendable, Equatable, Codable {
  public var method: String
  public var name: String
  /// The message as written by the tool (Locust: the exception's `repr()`).
  public var message: String
  public var occurrences: Int64
  /// UTC; only Locust ≥ 2.44 writes these.
  public var firstSeen: Date?
  public var lastSeen: Date?

  public init(
    method: String, name: String, message: String, occurrences: Int64, firstSeen: Date? = nil,
    lastSeen: Date? = nil
  ) {
    self.method = method
    self.name = name
    self.message = message
    self.occurrences = occurrences
    self.firstSeen = firstSeen
    self.lastSeen = lastSeen
  }
}

/// An exception raised inside the load generator itself (Locust `_exceptions.csv`).
public struct ExceptionRecord: Sendable, Equatable, Codable {
  public var count: Int64
  public var message: String
  public var traceback: String
  public var nodes: String

  public init(count: Int64, message: String, traceback: String, nodes: String) {
    self.count = count
    self.message = message
    self.traceback = traceback
    self.nodes = nodes
  }
}
