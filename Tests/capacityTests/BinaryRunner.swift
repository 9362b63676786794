import CapacityTestSupport
import Foundation

/// Runs the built `capacity` binary the way a user does, in a scratch directory.
struct BinaryRunner {
  typealias Result = Shell.Result

  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The binary sits beside the test bundle in the build directory.
  static var binary: URL {
    let me =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    var directory = URL(fileURLWithPath: me).deletingLastPathComponent()
    // On Linux the test binary is `<build>/capacityPackageTests.xctest`; on macOS it is inside a bundle.
    while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("capacity").path),
      directory.path != "/"
    {
      directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("capacity")
  }

  let workingDirectory: URL

  init() throws {
    workingDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("capacity-e2e-\(UUID())")
    try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { workingDirectory.appendingPathComponent(name).path }

  /// Runs the binary with the test's environment plus `extra`, less the variables in `unsetting`.
  func run(
    _ arguments: [String], environment extra: [String: String] = [:], unsetting: Set<String> = []
  ) throws -> Result {
    var environment = ProcessInfo.processInfo.environment.filter { !unsetting.contains($0.key) }
    environment.merge(extra) { _, new in new }
    return try Shell.capture(Self.binary, arguments, environment: environment, directory: workingDirectory)
  }

  /// Copies a file or directory of the repository into the scratch directory, at `destination`
  /// (relative), so the report names it by that short path whatever the checkout's location.
  func stage(_ repositoryPath: String, as destination: String) throws {
    let target = workingDirectory.appendingPathComponent(destination)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(repositoryPath), to: target)
  }

  func remove() { try? FileManager.default.removeItem(at: workingDirectory) }
}
