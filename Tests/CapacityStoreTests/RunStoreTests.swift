import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityStore
@testable import CapacityTestSupport

/// What only the SQLite store does: files, directories, read-only and damaged files. The store
/// contract both stores keep is `RunHistoryTests`.
@Suite struct RunStoreTests {
  @Test func aFileDatabaseKeepsRunsAcrossOpens() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID()).sqlite").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try Corpus.run("light")
    try RunStore(path: path).insert(run, ingestedAt: Date())
    let reopened = try RunStore(path: path)
    #expect(try reopened.listRuns().map(\.name) == ["light"])
    #expect(try reopened.resolve("light") == run.id)
    #expect(try reopened.resolve(String(run.id.prefix(8))) == run.id)
    #expect(throws: StoreError.self) { try reopened.resolve("nope") }
  }

  @Test func anUnopenableDatabaseNamesItsPath() {
    // A parent that is a file cannot become a directory.
    #expect {
      try RunStore(path: "/etc/hostname/x.sqlite")
    } throws: { error in
      (error as? StoreError)?.errorDescription?.contains("/etc/hostname/x.sqlite") == true
    }
  }

  @Test func missingParentDirectoriesAreCreated() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("a/b/c.sqlite").path
    _ = try RunStore(path: path)
    #expect(FileManager.default.fileExists(atPath: path))
  }

  @Test func aDamagedStoreNamesWhatItIs() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).sqlite")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data(repeating: 0x41, count: 8192).write(to: file)
    #expect {
      try RunStore(path: file.path, readOnly: true)
    } throws: { error in
      (error as? StoreError)?.errorDescription?.contains("not a capacity store") == true
    }
  }

}
