import Foundation

/// A fault injected during a run (from `--events`), or an incident found in its timeline.
public struct ChaosEvent: Sendable, Equatable {
  public var time: Date
  /// `kill`, `restart`, `drain`, `partition` or free text.
  public var action: String
  /// The component hit, e.g. `postgresql`.
  public var target: String
  /// Recovery target in seconds, when the events file gives one.
  public var targetSeconds: Double?
  /// Where the event came from: `events-file` or `detected`.
  public var origin: Origin
  public var location: SourceLocation?

  public enum Origin: String, Sendable, Codable {
    case eventsFile = "events-file"
    case detected
  }

  public init(
    time: Date, action: String, target: String, targetSeconds: Double? = nil,
    origin: Origin = .eventsFile, location: SourceLocation? = nil
  ) {
    self.time = time
    self.action = action
    self.target = target
    self.targetSeconds = targetSeconds
    self.origin = origin
    self.location = location
  }
}
