import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityStore
@testable import CapacityTestSupport

@Suite struct RunStoreTests {
  @Test func aRunLoadsBackExactlyAsStored() throws {
    let store = try RunStore(path: ":memory:")
    for name in ["light", "stepped", "seed-broken"] {
      let run = try Corpus.run(name)
      #expect(try store.insert(run, ingestedAt: Date(timeIntervalSince1970: 0)))
      #expect(try store.run(id: run.id) == run)
    }
  }

  @Test func insertingTheSameRunTwiceIsANoOp() throws {
    let store = try RunStore(path: ":memory:")
    let run = try Corpus.run("invalid")
    #expect(try store.insert(run, ingestedAt: Date()))
    #expect(try !store.insert(run, ingestedAt: Date()))
    let listed = try store.listRuns()
    #expect(listed.count == 1)
    #expect(listed.first?.requests == 395)
    #expect(listed.first?.failures == 395)
    #expect(listed.first?.files == 4)
  }

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

  @Test func aFailedInsertLeavesNoPartialRun() throws {
    let store = try RunStore(path: ":memory:")
    var run = try Corpus.run("light")
    // A negative count violates the schema's CHECK on endpoint_stat, after the run row is written.
    run.endpoints[0].requests = -1
    #expect(throws: StoreError.self) { try store.insert(run, ingestedAt: Date()) }
    #expect(try store.listRuns().isEmpty)
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

  @Test func rawRunsRoundTripThroughTheStore() throws {
    let run = try RawLogs.run(path: RawLogs.fixture("jmeter_xml_results.jtl"))
    let store = try RunStore(path: ":memory:")
    try store.insert(run, ingestedAt: Date(timeIntervalSince1970: 0))
    let loaded = try store.run(id: run.id)
    #expect(loaded.latencyMethod == .exactR7)
    #expect(loaded.setAside == run.setAside)
    #expect(loaded.total == run.total)
    #expect(loaded.tool == .jmeter)
    #expect(loaded.historyKind == .perSecond)
    let analysis = RunAnalyzer().analyze(loaded)
    #expect(analysis.latency.method == .exactR7)
    #expect(analysis.notes.contains { $0.contains("60 row(s) set aside as sub-result") })
  }
}
