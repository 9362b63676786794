import CapacityModel

/// A fault: the action that started it and, when the events file logged one, the action that
/// ended it (`unfreeze` after `freeze`). Only the start is judged; the end is shown with it.
public struct Fault: Sendable, Equatable {
  public var start: ChaosEvent
  public var end: ChaosEvent?

  public init(start: ChaosEvent, end: ChaosEvent? = nil) {
    self.start = start
    self.end = end
  }
}

/// An events file read as faults: each fault with its end, the end actions that ended no earlier
/// fault, and the action words read as ends.
public struct FaultSchedule: Sendable, Equatable {
  public var faults: [Fault]
  /// End actions with no open fault before them: shown, never judged.
  public var unpairedEnds: [ChaosEvent]
  /// The end words that occurred in the file, lower-cased and sorted.
  public var endWords: [String]

  public init(faults: [Fault], unpairedEnds: [ChaosEvent] = [], endWords: [String] = []) {
    self.faults = faults
    self.unpairedEnds = unpairedEnds
    self.endWords = endWords
  }

  /// Sentences for the report: which words were read as ends, and the ends that closed nothing.
  public var notes: [String] {
    var notes: [String] = []
    let paired = faults.filter { $0.end != nil }.count
    if !endWords.isEmpty {
      notes.append(
        "Read as the end of a fault, not a fault of its own: "
          + endWords.joined(separator: ", ") + " (\(paired) fault(s) closed). "
          + "Other actions are faults.")
    }
    for end in unpairedEnds {
      let place = end.location.map { " (\($0.file):\($0.line))" } ?? ""
      notes.append(
        "\(end.action) \(end.target) at \(UTCTimestamp.format(end.time))\(place) ends no earlier open "
          + "fault of that target: shown here, not judged.")
    }
    return notes
  }
}
