import Foundation

/// Which stored runs `capacity runs` lists.
public struct RunFilter: Sendable, Equatable {
  /// Runs whose name contains this text (case-insensitive).
  public var scenario: String?
  public var tool: String?
  /// Runs that started at or after / before these instants.
  public var since: Date?
  public var until: Date?

  public init(scenario: String? = nil, tool: String? = nil, since: Date? = nil, until: Date? = nil) {
    self.scenario = scenario
    self.tool = tool
    self.since = since
    self.until = until
  }

  package func matches(_ run: StoredRun) -> Bool {
    if let scenario, !run.name.lowercased().contains(scenario.lowercased()) { return false }
    if let tool, run.tool != tool { return false }
    if let since, (run.startedAt ?? .distantPast) < since { return false }
    if let until, (run.startedAt ?? .distantFuture) >= until { return false }
    return true
  }
}
