import Foundation

/// One line of `capacity runs`: what is stored, without loading the whole run.
public struct StoredRun: Sendable, Equatable {
  public var id: String
  public var name: String
  public var tool: String
  public var startedAt: Date?
  public var ingestedAt: Date
  public var requests: Int64?
  public var failures: Int64?
  public var files: Int
}
