import Foundation
import Synchronization
import Testing

@testable import CapacityAnalysis
@testable import CapacityIngest
@testable import CapacityKit
@testable import CapacityStore
@testable import CapacityTestSupport

/// The store contract, run against both stores: a SQLite file and a PostgreSQL database (skipped,
/// saying why, without `CAPACITY_TEST_POSTGRES_URL`; failed instead under CI). Figures come from
/// the Locust files' `Aggregated` rows, and rows are counted with the databases' own clients.
@Suite struct RunHistoryTests {
  @Test(arguments: StoreBackend.allCases)
  func aRunLoadsBackExactlyAsStored(backend: StoreBackend) throws {
    let store = try backend.freshStore()
    for name in ["light", "stepped", "seed-broken"] {
      let run = try Corpus.run(name)
      #expect(try !store.containsRun(id: run.id))
      #expect(try store.insert(run, ingestedAt: Date(timeIntervalSince1970: 0)))
      #expect(try store.containsRun(id: run.id))
      #expect(try store.run(id: run.id) == run)
    }
    let raw = try RawLogs.run(path: RawLogs.fixture("jmeter_xml_results.jtl"))
    #expect(try store.insert(raw, ingestedAt: Date(timeIntervalSince1970: 0)))
    let loaded = try store.run(id: raw.id)
    #expect(loaded == raw)
    #expect(loaded.latencyMethod == .exactR7)
    #expect(RunAnalyzer().analyze(loaded).notes.contains { $0.contains("60 row(s) set aside as sub-result") })
  }

  /// The ingest hands on a new run as it is in memory, not read back, which holds only while
  /// every format's run loads back equal: JTL CSV and XML (transactions, sub-results, status codes,
  /// timings, two sessions, a chaos run), k6 CSV and JSON, Gatling and vegeta; Locust's above.
  @Test(arguments: StoreBackend.allCases)
  func everyRawFormatLoadsBackExactlyAsStored(backend: StoreBackend) throws {
    let store = try backend.freshStore()
    let fixtures = [
      "raw/jmeter_csv_results.jtl", "raw/jmeter_chaos_codes.jtl", "raw/generated_k6_300.csv",
      "raw/generated_k6_300.ndjson", "realworld/gatling22_simulation.log", "realworld/sessions_pipe.jtl",
      "realworld/jmeter30_headerless_pipe.jtl", "ramps/jmeter_ramp_tc.jtl", "chaos/jmeter/cf_jmeter.jtl",
    ]
    var runs = try fixtures.flatMap { fixture in
      try RawLogRunBuilder().build(InputCollector().collect([Corpus.path("Tests/Fixtures/" + fixture)]).files)
    }
    runs += [
      try RawLogs.run(
        text: "1717000000123456789,200,8731123,0,5120,,,,0,GET,https://x.test/a,\n"
          + "1717000000143456789,503,12000345,0,19,503 Service Unavailable,,,2,GET,https://x.test/a,\n",
        path: "results.csv")
    ]
    #expect(Set(runs.map(\.tool)) == [.jmeter, .k6, .gatling, .vegeta])
    for run in runs {
      #expect(try store.insert(run, ingestedAt: Date(timeIntervalSince1970: 0)))
      #expect(try store.run(id: run.id) == run, "\(run.name)")
    }
  }

  /// Status classes per window and the timed phases (with windows lacking a value) load back as
  /// stored, from one row each in their own tables.
  @Test(arguments: StoreBackend.allCases)
  func statusCodesAndTimingsLoadBackExactly(backend: StoreBackend) throws {
    let location = try backend.freshLocation()
    let store = try RunHistoryOpener.open(location)
    let raw = try RawLogs.run(path: RawLogs.fixture("jmeter_chaos_codes.jtl"))
    #expect(raw.statusCodes != nil && raw.timings.count == 2)
    #expect(try store.insert(raw, ingestedAt: Date(timeIntervalSince1970: 0)))
    let loaded = try store.run(id: raw.id)
    #expect(loaded.statusCodes == raw.statusCodes)
    #expect(loaded.timings == raw.timings)
    #expect(loaded == raw)
    #expect(try StoreBackend.query(location, "SELECT COUNT(*) FROM status_code_windows") == "1")
    #expect(
      try StoreBackend.query(location, "SELECT phase FROM request_timing ORDER BY position")
        == "first-byte\nconnect")
  }

  @Test(arguments: StoreBackend.allCases)
  func insertingTheSameRunTwiceIsANoOp(backend: StoreBackend) throws {
    let location = try backend.freshLocation()
    let store = try RunHistoryOpener.open(location)
    let run = try Corpus.run("invalid")
    #expect(try store.insert(run, ingestedAt: Date()))
    #expect(try !store.insert(run, ingestedAt: Date()))
    let listed = try store.listRuns()
    #expect(listed.map(\.id) == [run.id])
    #expect(listed.first?.requests == 395)
    #expect(listed.first?.failures == 395)
    #expect(listed.first?.files == 4)
    #expect(try StoreBackend.query(location, "SELECT COUNT(*) FROM run") == "1")
    #expect(try StoreBackend.query(location, "SELECT COUNT(*) FROM source_file") == "4")
  }

  @Test(arguments: StoreBackend.allCases)
  func runsListInStartOrderAndResolveByNameOrPrefix(backend: StoreBackend) throws {
    let store = try backend.freshStore()
    let runs = try ["stress", "light", "medium"].map { try Corpus.run($0) }
    for run in runs { try store.insert(run, ingestedAt: Date(timeIntervalSince1970: 0)) }
    let byStart = runs.sorted { ($0.startedAt ?? .distantPast) < ($1.startedAt ?? .distantPast) }
    #expect(try store.listRuns().map(\.name) == byStart.map(\.name))
    #expect(try store.listRuns(matching: RunFilter(scenario: "LIG")).map(\.name) == ["light"])
    #expect(try store.resolve("medium") == runs[2].id)
    #expect(try store.resolve(String(runs[0].id.prefix(8))) == runs[0].id)
    #expect(throws: StoreError.self) { try store.resolve("nope") }
    #expect(throws: StoreError.self) { try store.run(id: "0000") }
  }

  @Test(arguments: StoreBackend.allCases)
  func aTrendCarriesTheAggregatedRow(backend: StoreBackend) throws {
    let store = try backend.freshStore()
    let run = try Corpus.run("light")
    try store.insert(run, ingestedAt: Date(timeIntervalSince1970: 0))
    let points = try store.trend(name: "light")
    // light_stats.csv, Aggregated: 771 requests, 0 failures, 13.043946376571471 req/s, 95% 190 ms.
    #expect(points.count == 1)
    #expect(points.first?.requests == 771)
    #expect(points.first?.failures == 0)
    #expect(points.first?.requestsPerSecond == 13.043946376571471)
    #expect(points.first?.p95Ms == 190)
    #expect(points.first?.startedAt == run.startedAt)
  }

  @Test(arguments: StoreBackend.allCases)
  func aFailedInsertLeavesNoPartialRun(backend: StoreBackend) throws {
    let location = try backend.freshLocation()
    let store = try RunHistoryOpener.open(location)
    var run = try Corpus.run("light")
    // A negative count violates the schema's CHECK on endpoint_stat, after the run row is written.
    run.endpoints[0].requests = -1
    #expect(throws: StoreError.self) { try store.insert(run, ingestedAt: Date()) }
    #expect(try store.listRuns().isEmpty)
    #expect(try StoreBackend.query(location, "SELECT COUNT(*) FROM source_file") == "0")
  }

  @Test(arguments: StoreBackend.allCases)
  func aResourceFileIsStoredOnceAndLoadsBackExactly(backend: StoreBackend) throws {
    let store = try backend.freshStore()
    let file = try ResourceFixtures.file("stepped/sar_u_r.xml")
    #expect(try store.insert(file, ingestedAt: Date(timeIntervalSince1970: 0)))
    #expect(try store.insert(file, ingestedAt: Date(timeIntervalSince1970: 1)) == false)
    #expect(try store.resourceFile(sha256: file.source.sha256) == file)
    #expect(try store.resourceFile(sha256: "absent") == nil)
    #expect(
      try store.resourceFileList() == [
        StoredResourceFile(sha256: file.source.sha256, ingestedAt: .init(timeIntervalSince1970: 0))
      ])
  }

  @Test(arguments: StoreBackend.allCases)
  func ingestingAFolderTwiceStoresItsResourceFilesOnce(backend: StoreBackend) throws {
    let store = try backend.freshStore()
    let first = try RunIngestor(store: store).ingest(
      [ResourceFixtures.path("light")], now: Date(timeIntervalSince1970: 0))
    let second = try RunIngestor(store: store).ingest(
      [ResourceFixtures.path("light")], now: Date(timeIntervalSince1970: 1))
    #expect(first.resources.count == 9)
    #expect(first.resources == second.resources)
  }

  @Test(arguments: StoreBackend.allCases)
  func requestMarksLoadBackAndAreAddedToARunStoredWithoutThem(backend: StoreBackend) throws {
    let store = try backend.freshStore()
    var run = try RawLogs.run(path: RawLogs.fixture("jmeter_csv_results.jtl"))
    let marks = try #require(run.requestMarks)
    run.requestMarks = nil
    try store.insert(run, ingestedAt: Date(timeIntervalSince1970: 0))
    #expect(try store.run(id: run.id).requestMarks == nil)
    run.requestMarks = marks
    try store.addRequestMarks(of: run)
    try store.addRequestMarks(of: run)
    #expect(try store.run(id: run.id).requestMarks == marks)
  }

  /// A store is `Sendable`: threads sharing one write and read whole runs, none lost.
  @Test(arguments: StoreBackend.allCases)
  func threadsSharingOneStoreEachGetTheirRunsBackWhole(backend: StoreBackend) throws {
    let store = try backend.freshStore()
    let runs = try ["light", "medium", "stress", "stepped"].map { try Corpus.run($0) }
    let loaded = Mutex<[String: Run]>([:])
    DispatchQueue.concurrentPerform(iterations: 8) { index in
      let run = runs[index % runs.count]
      _ = try? store.insert(run, ingestedAt: Date(timeIntervalSince1970: 0))
      if let back = try? store.run(id: run.id) { loaded.withLock { $0[run.id + "\(index)"] = back } }
    }
    let results = loaded.withLock { $0 }
    #expect(results.count == 8)
    for (index, run) in runs.enumerated() { #expect(results[run.id + "\(index)"] == run) }
    #expect(try store.listRuns().count == 4)
  }

  /// SQLite → the backend → a new SQLite file: every run comes back equal under its id, and a
  /// second copy adds nothing.
  @Test(arguments: StoreBackend.allCases)
  func copyingAHistoryKeepsIdsAndIsIdempotent(backend: StoreBackend) throws {
    let original = try StoreBackend.sqlite.freshStore()
    let runs = try ["light", "medium", "seed-broken"].map { try Corpus.run($0) }
    for (index, run) in runs.enumerated() {
      try original.insert(run, ingestedAt: Date(timeIntervalSince1970: Double(index)))
    }
    let file = try ResourceFixtures.file("stepped/sar_u_r.xml")
    try original.insert(file, ingestedAt: Date(timeIntervalSince1970: 7))

    let middle = try backend.freshStore()
    let first = try StoreCopier(from: original, to: middle).copy()
    #expect(
      first
        == StoreCopier.Outcome(
          runsCopied: 3, runsAlreadyThere: 0, resourceFilesCopied: 1, resourceFilesAlreadyThere: 0))
    let again = try StoreCopier(from: original, to: middle).copy()
    #expect(
      again
        == StoreCopier.Outcome(
          runsCopied: 0, runsAlreadyThere: 3, resourceFilesCopied: 0, resourceFilesAlreadyThere: 1))

    let back = try StoreBackend.sqlite.freshStore()
    _ = try StoreCopier(from: middle, to: back).copy()
    #expect(try back.listRuns() == original.listRuns())
    for run in runs { #expect(try back.run(id: run.id) == run) }
    #expect(try back.resourceFileList() == original.resourceFileList())
    #expect(try back.resourceFile(sha256: file.source.sha256) == file)
  }
}
