import Foundation

/// Runs the built `capacity` binary the way a user does, in a scratch directory.
struct BinaryRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

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

  func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = workingDirectory
    var environment = ProcessInfo.processInfo.environment
    environment.merge(extra) { _, new in new }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  func remove() { try? FileManager.default.removeItem(at: workingDirectory) }
}
