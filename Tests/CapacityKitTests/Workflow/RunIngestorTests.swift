import Foundation
import Testing

@testable import CapacityKit
@testable import CapacityStore
@testable import CapacityTestSupport

/// The workflow's ingest on the bundled samples into a real SQLite file: every run comes back from
/// the store, and a second ingest of the same files stores nothing.
@Suite struct RunIngestorTests {
  private func temporaryStore() throws -> (RunStore, String) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("capacity-ingestor-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    return (try RunStore(path: directory + "/runs.sqlite"), directory)
  }

  /// Request and failure counts are the `Aggregated` rows of the sample `_stats.csv` files.
  @Test func samplesAreStoredOnceAndReadBackFromTheStore() throws {
    let (store, directory) = try temporaryStore()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let ingestor = RunIngestor(store: store)
    let first = try ingestor.ingest([Corpus.path("samples/runs")], now: Date(timeIntervalSince1970: 0))
    let counts = first.runs.map { "\($0.name) \($0.total?.requests ?? -1)/\($0.total?.failures ?? -1)" }
    #expect(
      counts.sorted() == [
        "broken 182/182", "invalid 395/395", "light 771/0", "medium 1830/0", "stepped 6657/0",
        "stress 4164/0",
      ])
    #expect(first.added.count == 6)
    #expect(first.alreadyStored.isEmpty)
    for run in first.runs { #expect(try store.run(id: run.id) == run) }

    let second = try ingestor.ingest([Corpus.path("samples/runs")], now: Date(timeIntervalSince1970: 1))
    #expect(second.added.isEmpty)
    #expect(second.alreadyStored.count == 6)
    #expect(second.runs.map(\.id) == first.runs.map(\.id))
    #expect(try store.listRuns().count == 6)
  }

  /// The body sees every run while the new ones are written; on return all are stored whole.
  @Test func theWriteGoesOnBesideTheBodyAndIsDoneOnReturn() throws {
    let (store, directory) = try temporaryStore()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let (outcome, seen) = try RunIngestor(store: store).ingest(
      [Corpus.path("samples/runs")], now: Date(timeIntervalSince1970: 0)
    ) { outcome in outcome.runs.map(\.name).sorted() }
    #expect(seen == ["broken", "invalid", "light", "medium", "stepped", "stress"])
    #expect(outcome.addedRuns.count == 6)
    #expect(try store.listRuns().count == 6)
    for run in outcome.runs { #expect(try store.run(id: run.id) == run) }
  }

  /// Once the ingest returns, the database file alone holds the new runs: the write was
  /// checkpointed out of the WAL beside the analysis, not left for the close at the very end.
  /// Copied without its `-wal` (what a checkpoint had not copied is not in the copy), the file
  /// still lists every run and reads each back whole.
  @Test func theDatabaseFileHoldsTheRunsWithoutItsLog() throws {
    let (store, directory) = try temporaryStore()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let outcome = try RunIngestor(store: store).ingest(
      [Corpus.path("samples/runs")], now: Date(timeIntervalSince1970: 0))
    #expect(FileManager.default.fileExists(atPath: directory + "/runs.sqlite-wal"))
    let copy = directory + "/copy.sqlite"
    try FileManager.default.copyItem(atPath: directory + "/runs.sqlite", toPath: copy)
    let copied = try RunStore(path: copy, readOnly: true)
    #expect(try copied.listRuns().count == 6)
    for run in outcome.runs { #expect(try copied.run(id: run.id) == run) }
    withExtendedLifetime(store) {}
  }

  /// A write that fails (a table gone from under the store) throws after the body has run, and
  /// leaves no part of any run behind.
  @Test func aFailedWriteThrowsAndLeavesNothing() throws {
    let (store, directory) = try temporaryStore()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try store.writer.write { try $0.execute(sql: "DROP TABLE timeline_point") }
    var bodyRan = false
    #expect(throws: StoreError.self) {
      _ = try RunIngestor(store: store).ingest([Corpus.path("samples/runs")], now: Date()) { _ in
        bodyRan = true
      }
    }
    #expect(bodyRan)
    #expect(try store.listRuns().isEmpty)
    #expect(try StoreBackend.query(directory + "/runs.sqlite", "SELECT COUNT(*) FROM endpoint_stat") == "0")
  }
}
