import CapacityIngest
import CapacityModel
import Foundation

/// Real Locust output shipped in `samples/runs` (copied unchanged from the corpus).
package enum Corpus {
  package static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  package static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  package static func bytes(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
  }

  /// The run assembled from one sample folder, e.g. `light`.
  package static func run(_ folder: String) throws -> Run {
    let files = try InputCollector().collect([path("samples/runs/\(folder)")]).files
    let runs = try LocustRunAssembler().assemble(files)
    guard runs.count == 1, let run = runs.first else { throw CocoaError(.fileReadCorruptFile) }
    return run
  }

  package static func file(_ text: String, kind: InputKind, path: String) -> InputFile {
    InputFile(path: path, kind: kind, bytes: Array(text.utf8))
  }
}
