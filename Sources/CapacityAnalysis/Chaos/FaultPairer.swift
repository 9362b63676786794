import CapacityModel

/// Pairs the actions of an events file that end a fault with the fault they end: by an explicit
/// `fault_id` or `ends`, else by end word and target, to the nearest earlier open fault. Pure.
public struct FaultPairer: Sendable {
  /// End words and the fault actions each one ends; `nil` ends any fault.
  package static let endings: [String: Set<String>?] = [
    "unfreeze": ["freeze", "pause", "stop"], "resume": ["freeze", "pause", "stop"],
    "cont": ["freeze", "pause", "stop"], "restart": ["kill", "delete", "stop"],
    "start": ["kill", "delete", "stop"], "recreate": ["kill", "delete", "stop"],
    "heal": ["partition"], "unpartition": ["partition"], "uncordon": ["drain"],
    "end": nil, "recovered": nil,
  ]

  public init() {}

  /// The first word of an action, lower-cased: `SIGCONT all` → `sigcont`, `kill-pod` → `kill`.
  package static func word(_ action: String) -> String {
    let lower = action.lowercased()
    let word = lower.split { !($0.isLetter || $0.isNumber) }.first.map(String.init) ?? lower
    return word.hasPrefix("sig") && word.count > 3 ? String(word.dropFirst(3)) : word
  }

  package static func isEndWord(_ action: String) -> Bool { endings.keys.contains(word(action)) }

  /// - Parameter events: in time order.
  public func schedule(_ events: [ChaosEvent]) -> FaultSchedule {
    var faults: [Fault] = []
    var open: [Int] = []
    var unpaired: [ChaosEvent] = []
    var words: Set<String> = []
    for event in events {
      let byID = event.faultID.flatMap { id in open.last { faults[$0].start.faultID == id } }
      let explicit = event.ends.map { !["false", "no", "0"].contains($0.lowercased()) }
      guard byID != nil || explicit == true || (explicit == nil && Self.isEndWord(event.action)) else {
        faults.append(Fault(start: event))
        open.append(faults.count - 1)
        continue
      }
      if byID == nil, explicit == nil { words.insert(Self.word(event.action)) }
      if let match = byID ?? openFault(endedBy: event, faults: faults, open: open) {
        faults[match].end = event
        open.removeAll { $0 == match }
      } else {
        unpaired.append(event)
      }
    }
    return FaultSchedule(faults: faults, unpairedEnds: unpaired, endWords: words.sorted())
  }

  /// The open fault `event` ends: by id, else the latest open fault on its target (any target
  /// when it names none) whose action the end word (or `ends`) names.
  private func openFault(endedBy event: ChaosEvent, faults: [Fault], open: [Int]) -> Int? {
    if let id = event.ends, let match = open.last(where: { faults[$0].start.faultID == id }) {
      return match
    }
    let named = event.ends.map(Self.word).flatMap { ["true", "yes", "1"].contains($0) ? nil : $0 }
    let ended: Set<String>? = named.map { [$0] } ?? (Self.endings[Self.word(event.action)] ?? nil)
    let target = event.target.lowercased()
    return open.last { index in
      let start = faults[index].start
      let sameTarget = target.isEmpty || start.target.lowercased() == target
      return sameTarget && (ended?.contains(Self.word(start.action)) ?? true)
    }
  }
}
