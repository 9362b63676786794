import Foundation
import Testing

@testable import CapacityIngest
@testable import CapacityPlanning

/// Settings named by path: Ingest's reader refuses what is not a small UTF-8 regular file, naming
/// it; the loaders then parse the text.
@Suite struct SettingsLoadingTests {
  private func directory() throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("capacity-settings-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func aDirectoryOfManifestsLoadsEveryYAMLFileBelowIt() throws {
    let root = try directory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.createDirectory(atPath: root + "/nested", withIntermediateDirectories: true)
    let deployment = { (name: String, cpu: String) in
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: \(name)}
      spec:
        replicas: 2
        template:
          spec:
            containers:
              - name: \(name)
                resources: {requests: {cpu: \(cpu), memory: 128Mi}}
      """
    }
    try deployment("web", "250m").write(toFile: root + "/web.yaml", atomically: true, encoding: .utf8)
    try deployment("db", "1").write(toFile: root + "/nested/db.yml", atomically: true, encoding: .utf8)
    try "not yaml".write(toFile: root + "/notes.txt", atomically: true, encoding: .utf8)
    let loaded = try ManifestLoader().load(paths: [root])
    #expect(loaded.components.map(\.name) == ["db", "web"])
    #expect(loaded.components.map(\.cpuRequestMillicores) == [1000, 250])
  }

  @Test func whatIsNotASmallUTF8RegularFileIsRefusedByName() throws {
    let root = try directory()
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(throws: SettingsFileError.notFound(path: root + "/missing.yaml")) {
      try SettingsFileReader.read(root + "/missing.yaml")
    }
    #expect(throws: SettingsFileError.refused(path: root, reason: "not a regular file")) {
      try SettingsFileReader.read(root)
    }
    let latin1 = root + "/latin1.yaml"
    try Data([0x6E, 0x61, 0x6D, 0x65, 0x3A, 0x20, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: latin1))
    #expect(throws: SettingsFileError.refused(path: latin1, reason: "the file is not UTF-8 text")) {
      try SettingsFileReader.read(latin1)
    }
    let empty = root + "/empty"
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    #expect(throws: SettingsFileError.noManifests(path: empty)) {
      try ManifestLoader().load(paths: [empty])
    }
    #expect(
      SettingsFileError.noManifests(path: empty).localizedDescription
        == "no .yaml or .yml files in '\(empty)'")
  }
}
