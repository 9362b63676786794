import Foundation

/// One action of a fault-event log (from `--events`), or an incident found in a run's timeline.
/// An action either starts a fault (`kill`, `freeze`) or ends one (`restart`, `unfreeze`); see
/// `FaultPairer`.
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
  /// The events file's `fault_id`: rows sharing one are one fault, the first starts it and the
  /// next ends it.
  public var faultID: String?
  /// The events file's `ends`: this row ends a fault, named by its `fault_id` or action, or
  /// (`true`, `yes`, `1`) the nearest open fault on the same target.
  public var ends: String?

  public enum Origin: String, Sendable, Codable {
    case eventsFile = "events-file"
    case detected
  }

  public init(
    time: Date, action: String, target: String, targetSeconds: Double? = nil,
    origin: Origin = .eventsFile, location: SourceLocation? = nil, faultID: String? = nil,
    ends: String? = nil
  ) {
    self.time = time
    self.action = action
    self.target = target
    self.targetSeconds = targetSeconds
    self.origin = origin
    self.location = location
    self.faultID = faultID
    self.ends = ends
  }
}
