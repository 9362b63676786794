import Foundation

@testable import CapacityIngest
@testable import CapacityModel

/// Real Locust output shipped in `samples/runs` (copied unchanged from the corpus).
enum Corpus {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  static func bytes(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
  }

  /// The run assembled from one sample folder, e.g. `light`.
  static func run(_ folder: String) throws -> Run {
    let files = try InputCollector().collect([path("samples/runs/\(folder)")]).files
    let runs = try LocustRunAssembler().assemble(files)
    guard runs.count == 1, let run = runs.first else { throw CocoaError(.fileReadCorruptFile) }
    return run
  }

  static func file(_ text: String, kind: InputKind, path: String) -> InputFile {
    InputFile(path: path, kind: kind, bytes: Array(text.utf8))
  }
}
