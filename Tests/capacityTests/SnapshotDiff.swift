/// A short line diff of a snapshot and the output that no longer matches it: the first changed
/// lines with their line numbers and two lines of context, so a failure reads like a review.
struct SnapshotDiff {
  var expected: [Substring]
  var actual: [Substring]
  /// What the two sides are called in the summary line.
  var names: (expected: String, actual: String)
  /// Changed lines shown at most; the rest are counted.
  var limit = 24

  init(expected: String, actual: String, names: (expected: String, actual: String) = ("snapshot", "output")) {
    self.expected = expected.split(separator: "\n", omittingEmptySubsequences: false)
    self.actual = actual.split(separator: "\n", omittingEmptySubsequences: false)
    self.names = names
  }

  private enum Line {
    case same(expected: Int, text: Substring)
    case removed(expected: Int, text: Substring)
    case added(actual: Int, text: Substring)

    var isChange: Bool {
      if case .same = self { return false }
      return true
    }

    var rendered: String {
      switch self {
      case .same(let number, let text): "  \(Self.number(number)) | \(text)"
      case .removed(let number, let text): "- \(Self.number(number)) | \(text)"
      case .added(let number, let text): "+ \(Self.number(number)) | \(text)"
      }
    }

    private static func number(_ index: Int) -> String {
      let text = String(index + 1)
      return String(repeating: " ", count: max(0, 5 - text.count)) + text
    }
  }

  /// Both files merged in order: unchanged, removed (snapshot) and added (actual) lines.
  private var lines: [Line] {
    let difference = actual.difference(from: expected)
    var removed = Set<Int>()
    var added = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): added.insert(offset)
      }
    }
    var merged: [Line] = []
    var old = 0
    var new = 0
    while old < expected.count || new < actual.count {
      if old < expected.count, removed.contains(old) {
        merged.append(.removed(expected: old, text: expected[old]))
        old += 1
      } else if new < actual.count, added.contains(new) {
        merged.append(.added(actual: new, text: actual[new]))
        new += 1
      } else {
        merged.append(.same(expected: old, text: expected[old]))
        old += 1
        new += 1
      }
    }
    return merged
  }

  /// `-` lines are the expected side's (with its line numbers), `+` lines the actual side's.
  var description: String {
    let merged = lines
    let changes = merged.indices.filter { merged[$0].isChange }
    guard let first = changes.first else { return "the lines are equal; the bytes differ (line endings?)" }
    let kept = Set(changes.prefix(limit))
    let shown = Set(kept.flatMap { max(0, $0 - 2)...min(merged.count - 1, $0 + 2) })
      .filter { !merged[$0].isChange || kept.contains($0) }
    var out = [
      "\(changes.count) changed line(s), \(expected.count) lines in the \(names.expected), \(actual.count) in the "
        + "\(names.actual); first at \(location(merged[first])):"
    ]
    var previous: Int?
    for index in shown.sorted() {
      if let previous, index > previous + 1 { out.append("  …") }
      out.append(merged[index].rendered)
      previous = index
    }
    if changes.count > limit { out.append("  … and \(changes.count - limit) more changed line(s)") }
    return out.joined(separator: "\n")
  }

  private func location(_ line: Line) -> String {
    switch line {
    case .same(let number, _), .removed(let number, _): "line \(number + 1) of the \(names.expected)"
    case .added(let number, _): "line \(number + 1) of the \(names.actual)"
    }
  }
}
