import CapacityModel
import Foundation

/// Runs from different raw logs of one tool that overlap in time and share their labels are
/// most likely the load generators of one distributed test: each gets a hint to pass `--merge`.
package enum MergeHint {
  package static func annotate(_ runs: [Run]) -> [Run] {
    var runs = runs
    for index in runs.indices {
      let partners = runs.indices.filter { $0 != index && overlaps(runs[index], runs[$0]) }
      guard !partners.isEmpty else { continue }
      let names = partners.map { runs[$0].name }.joined(separator: ", ")
      runs[index].diagnostics.append(
        Diagnostic(
          SourceLocation(file: runs[index].sourceFiles.first?.path ?? runs[index].name),
          "overlaps \(names) in time with the same labels: if these are the load generators of one "
            + "test, pass --merge to read them as one run"))
    }
    return runs
  }

  private static func overlaps(_ a: Run, _ b: Run) -> Bool {
    guard a.tool == b.tool, a.origin?.generators.isEmpty ?? true, b.origin?.generators.isEmpty ?? true,
      Set(a.sourceFiles.map(\.sha256)).isDisjoint(with: b.sourceFiles.map(\.sha256)),
      let aStart = a.startedAt, let aEnd = a.endedAt, let bStart = b.startedAt, let bEnd = b.endedAt,
      aStart < bEnd, bStart < aEnd
    else { return false }
    let aLabels = Set(a.endpoints.map { "\($0.method) \($0.name)" })
    let bLabels = Set(b.endpoints.map { "\($0.method) \($0.name)" })
    return !aLabels.isEmpty && aLabels == bLabels
  }
}
