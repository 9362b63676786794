import CapacityKit
import CapacityPlanning
import Foundation

/// Files for Planning tests: the bundled fixtures and a throwaway directory for inline YAML.
package enum PlanningTestSupport {
  /// Path of a file in the shared `Tests/Fixtures` folder.
  package static func fixture(_ name: String) throws -> String {
    Corpus.path("Tests/Fixtures/\(name)")
  }

  /// A fresh empty directory under the system temporary directory.
  package static func makeDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("capacity-planning-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  /// Writes `text` to `name` inside `directory` (creating subfolders) and returns the file's path.
  @discardableResult
  package static func write(_ text: String, to name: String, in directory: String) throws -> String {
    let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// The seed jewelry-shop deployment from `Fixtures/seed-k8s.yaml`.
  package static func seedDeployment() throws -> Deployment {
    try ManifestLoader().load(paths: [fixture("seed-k8s.yaml")])
  }
}
