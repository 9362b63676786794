import CapacityTestSupport
import Foundation
import Testing

/// Eight `capacity ingest` processes at once into one store, as a team's machines and CI jobs
/// write: each ingests the six sample runs (so all eight race for the same run ids) and one raw
/// log of its own. Nothing may be lost or duplicated, and a reader polling meanwhile must see each
/// run whole or not at all. Rows are counted with the database's own client, and compared with
/// the same inputs ingested by one process.
@Suite(.serialized) struct ConcurrentIngestTests {
  /// One raw log per process: each is one run of its own.
  static let ownInputs = [
    "Tests/Fixtures/raw/generated_4000.jtl", "Tests/Fixtures/raw/generated_k6_300.csv",
    "Tests/Fixtures/raw/generated_k6_300.ndjson", "Tests/Fixtures/raw/jmeter_csv_results.jtl",
    "Tests/Fixtures/raw/jmeter_xml_results.jtl", "Tests/Fixtures/realworld/gatling21_simulation.log",
    "Tests/Fixtures/realworld/gatling22_simulation.log", "Tests/Fixtures/realworld/engine_a.jtl",
  ]

  static let tables = [
    "run", "source_file", "endpoint_stat", "timeline_point", "endpoint_timeline_point", "error_group",
    "exception_group", "diagnostic", "set_aside", "request_marks", "transaction_stat",
    "request_window_series", "resource_file", "resource_series",
  ]

  /// Each visible run's child-row counts, read in one statement (one snapshot).
  static let perRun = """
    SELECT r.id, (SELECT COUNT(*) FROM source_file s WHERE s.run_id = r.id),
           (SELECT COUNT(*) FROM endpoint_stat e WHERE e.run_id = r.id),
           (SELECT COUNT(*) FROM timeline_point t WHERE t.run_id = r.id),
           (SELECT COUNT(*) FROM request_window_series w WHERE w.run_id = r.id)
    FROM run r ORDER BY r.id
    """

  @Test(arguments: StoreBackend.allCases)
  func eightIngestsAtOnceLoseAndDuplicateNothing(backend: StoreBackend) throws {
    let location = try backend.freshLocation()
    let samples = BinaryRunner.repository.appendingPathComponent("samples/runs").path
    let inputs = Self.ownInputs.map { BinaryRunner.repository.appendingPathComponent($0).path }
    let runner = try BinaryRunner()
    defer { runner.remove() }

    let processes = try inputs.enumerated().map { index, own in
      try Self.start(
        ["ingest", samples, own, "--db", location, "-q"], log: runner.path("ingest-\(index).log"))
    }
    var snapshots: [String] = []
    while processes.contains(where: \.isRunning) {
      if let snapshot = try? StoreBackend.query(location, Self.perRun) { snapshots.append(snapshot) }
      Thread.sleep(forTimeInterval: 0.05)
    }
    for (index, process) in processes.enumerated() {
      process.waitUntilExit()
      let log = (try? String(contentsOfFile: runner.path("ingest-\(index).log"), encoding: .utf8)) ?? ""
      #expect(process.terminationStatus == 0, "ingest \(index): \(log)")
    }

    // The same inputs, one process, a new SQLite file: the reference counts.
    let reference = runner.path("reference.sqlite")
    let alone = try runner.run(["ingest", samples] + inputs + ["--db", reference, "-q"])
    #expect(alone.status == 0, "\(alone.stderr)")
    #expect(try StoreBackend.query(location, "SELECT COUNT(*), COUNT(DISTINCT id) FROM run") == "14|14")
    let sampleFiles = try FileManager.default.subpathsOfDirectory(atPath: samples).filter {
      $0.hasSuffix(".csv")
    }
    #expect(
      try StoreBackend.query(location, "SELECT COUNT(*) FROM source_file") == "\(sampleFiles.count + 8)")
    // The samples' Aggregated rows: 771 + 1830 + 4164 + 6657 + 395 + 182 requests.
    let totals =
      "SELECT SUM(e.requests) FROM endpoint_stat e JOIN run r ON r.id = e.run_id WHERE e.position = -1"
    #expect(try StoreBackend.query(location, totals + " AND r.tool = 'locust'") == "13999")
    for table in Self.tables {
      let count = "SELECT COUNT(*) FROM \(table)"
      #expect(
        try StoreBackend.query(location, count) == StoreBackend.query(reference, count), "\(table)")
    }

    // Every run a reader saw mid-ingest already had all its rows.
    let final = Dictionary(
      uniqueKeysWithValues: try StoreBackend.query(location, Self.perRun).split(separator: "\n").map {
        (String($0.prefix { $0 != "|" }), String($0))
      })
    let seen = snapshots.flatMap { $0.split(separator: "\n").map(String.init) }
    #expect(!snapshots.isEmpty)
    for line in Set(seen) {
      #expect(final[String(line.prefix { $0 != "|" })] == line, "a run seen partly: \(line)")
    }
  }

  private static func start(_ arguments: [String], log: String) throws -> Process {
    FileManager.default.createFile(atPath: log, contents: nil)
    let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    let process = Process()
    process.executableURL = BinaryRunner.binary
    process.arguments = arguments
    process.standardOutput = output
    process.standardError = output
    try process.run()
    return process
  }
}
