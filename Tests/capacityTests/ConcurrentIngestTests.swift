import CapacityTestSupport
import Foundation
import Testing

/// Eight `capacity ingest` processes at once into one store, as a team's machines and CI jobs
/// write: each ingests the six sample runs (so all eight race for the same run ids) and one raw
/// log of its own. Nothing may be lost or duplicated, and a reader polling meanwhile must see each
/// run whole or not at all. Rows are counted with the database's own client, and compared with
/// the same eight commands run one after another.
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
    "request_window_series", "latency_counts", "status_code_windows", "request_timing", "resource_file",
    "resource_series",
  ]

  /// Each visible run's child-row counts, read in one statement (one snapshot).
  static let perRun = """
    SELECT r.id, (SELECT COUNT(*) FROM source_file s WHERE s.run_id = r.id),
           (SELECT COUNT(*) FROM endpoint_stat e WHERE e.run_id = r.id),
           (SELECT COUNT(*) FROM timeline_point t WHERE t.run_id = r.id),
           (SELECT COUNT(*) FROM request_window_series w WHERE w.run_id = r.id)
    FROM run r ORDER BY r.id
    """

  /// The same eight ingests one after another into a new SQLite file: each table's row count.
  static let reference = Result { () throws -> [String: String] in
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let database = runner.path("reference.sqlite")
    for arguments in commands(database: database) {
      let result = try runner.run(arguments)
      guard result.status == 0 else { throw Shell.Failure(description: result.stderr) }
    }
    return try Dictionary(
      uniqueKeysWithValues: tables.map {
        ($0, try StoreBackend.query(database, "SELECT COUNT(*) FROM \($0)"))
      })
  }

  /// The eight `capacity ingest` command lines.
  static func commands(database: String) -> [[String]] {
    let samples = BinaryRunner.repository.appendingPathComponent("samples/runs").path
    return ownInputs.map { own in
      ["ingest", samples, BinaryRunner.repository.appendingPathComponent(own).path, "--db", database, "-q"]
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func eightIngestsAtOnceLoseAndDuplicateNothing(backend: StoreBackend) throws {
    let location = try backend.freshLocation()
    let runner = try BinaryRunner()
    defer { runner.remove() }

    let processes = try Self.commands(database: location).enumerated().map { index, arguments in
      try Self.start(arguments, log: runner.path("ingest-\(index).log"))
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

    let reference = try Self.reference.get()
    #expect(try StoreBackend.query(location, "SELECT COUNT(*), COUNT(DISTINCT id) FROM run") == "14|14")
    let samples = BinaryRunner.repository.appendingPathComponent("samples/runs").path
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
      #expect(try StoreBackend.query(location, count) == reference[table], "\(table)")
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
