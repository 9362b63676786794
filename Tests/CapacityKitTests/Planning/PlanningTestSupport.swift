import Foundation
import Testing

@testable import CapacityPlanning

/// Files for Planning tests: the bundled fixtures and a throwaway directory for inline YAML.
enum PlanningTestSupport {
  /// Path of a file in the test bundle's `Fixtures` folder.
  static func fixture(_ name: String) throws -> String {
    let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return folder.appendingPathComponent(name).path
  }

  /// A fresh empty directory under the system temporary directory.
  static func makeDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("capacity-planning-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  /// Writes `text` to `name` inside `directory` (creating subfolders) and returns the file's path.
  @discardableResult
  static func write(_ text: String, to name: String, in directory: String) throws -> String {
    let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// The seed jewelry-shop deployment from `Fixtures/seed-k8s.yaml`.
  static func seedDeployment() throws -> Deployment {
    try ManifestLoader().load(paths: [fixture("seed-k8s.yaml")])
  }
}
