import Foundation
import Testing

/// Golden files in `Tests/capacityTests/Snapshots/`, compared byte for byte with what the binary
/// wrote. `UPDATE_SNAPSHOTS=1 swift test --filter GoldenReportTests` rewrites them from the actual
/// output instead of comparing (then review `git diff Tests/capacityTests/Snapshots` before committing).
enum Snapshot {
  static let directory = BinaryRunner.repository.appendingPathComponent("Tests/capacityTests/Snapshots")

  static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" }

  /// Compares the file at `path` with the snapshot `name` (a path under `Snapshots/`), or records it
  /// when updating. A mismatch is an issue showing the first changed lines; the received file is kept
  /// in the temporary directory for a full `diff`.
  static func expect(
    fileAt path: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let actual = try Data(contentsOf: URL(fileURLWithPath: path))
    let snapshot = directory.appendingPathComponent(name)
    if updating {
      try FileManager.default.createDirectory(
        at: snapshot.deletingLastPathComponent(), withIntermediateDirectories: true)
      if FileManager.default.contents(atPath: snapshot.path) != actual {
        try actual.write(to: snapshot)
        print("updated Snapshots/\(name)")
      }
      return
    }
    guard let expected = FileManager.default.contents(atPath: snapshot.path) else {
      Issue.record(
        "no snapshot Snapshots/\(name); record it with UPDATE_SNAPSHOTS=1 swift test --filter GoldenReportTests",
        sourceLocation: sourceLocation)
      return
    }
    guard expected != actual else { return }
    let received = FileManager.default.temporaryDirectory.appendingPathComponent(
      "capacity-snapshots/\(BinaryRunner.repository.lastPathComponent)/\(name)")
    try FileManager.default.createDirectory(
      at: received.deletingLastPathComponent(), withIntermediateDirectories: true)
    try actual.write(to: received)
    let diff = SnapshotDiff(
      expected: String(decoding: expected, as: UTF8.self), actual: String(decoding: actual, as: UTF8.self))
    Issue.record(
      """
      \(name) differs from Snapshots/\(name) (- snapshot, + now): \(diff.description)
      Full output: \(received.path) (diff it with the snapshot). If the change is intended, \
      UPDATE_SNAPSHOTS=1 swift test --filter GoldenReportTests rewrites the snapshots.
      """, sourceLocation: sourceLocation)
  }
}
