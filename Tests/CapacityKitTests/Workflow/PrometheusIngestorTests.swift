import Foundation
import Testing

@testable import CapacityKit
@testable import CapacityStore
@testable import CapacityTestSupport

/// The workflow's fetch into a real SQLite store: answers are stored like imported files, once.
@Suite struct PrometheusIngestorTests {
  @Test func aRefetchOfTheSameRunStoresNothing() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capacity-prom-\(UUID())")
      .path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let store = try RunStore(path: directory + "/runs.sqlite")
    let server = try FakePrometheus()
    defer { server.stop() }
    let fetcher = PrometheusFetcher(
      endpoint: try PrometheusEndpoint(server.base("synth")), scrapeIntervalSeconds: 5)
    let run = try Corpus.run("light")
    let ingestor = PrometheusIngestor(store: store, fetcher: fetcher)
    let first = try ingestor.ingest([run], now: Date())
    // node-cpu, node-memory and container-cpu have series on the synthetic server; the other three warn.
    #expect(first.resources.count == 3)
    #expect(first.alreadyStored == 0)
    #expect(first.warnings.count == 3)
    let second = try ingestor.ingest([run], now: Date())
    #expect(second.alreadyStored == 3)
    #expect(second.resources.map(\.source.sha256) == first.resources.map(\.source.sha256))
    let span = try #require(run.startedAt?.timeIntervalSince1970)
    #expect(try store.resourceFiles(overlapping: (span - 3600)...(span + 86_400)).count == 3)
    // Points every 5 s over the run ± 60 s, from the store as from the server.
    let cpu = try #require(first.resources.first { $0.source.path.contains(" node-cpu ") }?.series.first)
    #expect(cpu.points.allSatisfy { $0.value == 1500 })
    let duration = (run.endedAt ?? run.startedAt!).timeIntervalSince1970 - span
    #expect(abs(Double(cpu.points.count) - (duration + 120) / 5) <= 2)
  }
}
