import CapacityTestSupport
import Foundation
import Testing

/// The team store through the built binary: every command gives the same output on a PostgreSQL
/// database as on a SQLite file, and `capacity store copy` moves a history between them.
@Suite struct TeamStoreEndToEndTests {
  @Test func everyCommandAnswersTheSameOnPostgreSQLAsOnSQLite() throws {
    let team = try TestPostgres.freshDatabase()
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let samples = BinaryRunner.repository.appendingPathComponent("samples").path
    func both(_ arguments: [String], output: String? = nil) throws -> [String] {
      try [("pg", team), ("sqlite", "runs.sqlite")].map { name, store in
        let result = try runner.run(
          arguments.map { $0.replacingOccurrences(of: "OUT", with: name) } + ["--db", store])
        #expect([0, 2].contains(result.status), "\(arguments): \(result.stderr)")
        guard let output else { return result.stdout }
        return try String(
          contentsOfFile: runner.path(output.replacingOccurrences(of: "OUT", with: name)), encoding: .utf8)
      }
    }
    for file in ["report.json", "report.md"] {
      let reports = try both(
        ["analyze", samples + "/runs", "--manifests", samples + "/k8s", "-o", "OUT", "-q"],
        output: "OUT/" + file)
      #expect(reports[0] == reports[1], "\(file)")
      #expect(reports[0].count > 1000)
    }
    // The two stores were filled seconds apart: all but the ingest times agree.
    let listed = try both(["runs", "--json"]).map {
      $0.split(separator: "\n").filter { !$0.contains("ingested_at") }
    }
    #expect(listed[0] == listed[1])
    #expect(listed[0].count > 30)
    let compared = try both(
      ["compare", "light", "medium", "--format", "json", "-o", "OUT.json"], output: "OUT.json")
    #expect(compared[0] == compared[1])
    let checked = try both(["check", "--run", "light", "--run", "invalid"])
    #expect(checked[0] == checked[1])
    #expect(checked[0].contains("light"))
  }

  /// A raw log's status codes and timed phases render the same from either store.
  @Test func aRawLogsStatusCodesAndTimingsReportTheSameFromBothStores() throws {
    let team = try TestPostgres.freshDatabase()
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let log = BinaryRunner.repository.appendingPathComponent("Tests/Fixtures/raw/jmeter_chaos_codes.jtl").path
    var reports: [[String]] = []
    for (name, store) in [("pg", team), ("sqlite", "runs.sqlite")] {
      #expect(try runner.run(["ingest", log, "--db", store, "-q"]).status == 0)
      let result = try runner.run(["report", "--all", "-o", name, "--db", store, "-q"])
      #expect([0, 2].contains(result.status), "\(result.stderr)")
      reports.append(
        try ["report.json", "report.md", "report.html"].map {
          try String(contentsOfFile: runner.path(name + "/" + $0), encoding: .utf8)
        })
    }
    #expect(reports[0] == reports[1])
    #expect(reports[0][0].contains("\"no_response\" : 136"))
  }

  @Test func aHistoryMovesToPostgreSQLAndBackKeepingItsIds() throws {
    let team = try TestPostgres.freshDatabase()
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let samples = BinaryRunner.repository.appendingPathComponent("samples/runs").path
    #expect(try runner.run(["ingest", samples, "--db", "laptop.sqlite", "-q"]).status == 0)

    let copy = try runner.run(["store", "copy", "--from", "laptop.sqlite", "--to", team])
    #expect(copy.status == 0, "\(copy.stderr)")
    #expect(copy.stdout.hasPrefix("copied 6 run(s) and 0 resource file(s) from laptop.sqlite to postgres://"))
    #expect(copy.stdout.contains(":***@"))
    #expect(!copy.stdout.contains("capacity-ci") && !copy.stderr.contains("capacity-ci"))
    let again = try runner.run(["store", "copy", "--from", "laptop.sqlite", "--to", team])
    #expect(again.stdout.hasPrefix("copied 0 run(s)"), "\(again.stdout)")
    #expect(again.stdout.contains("6 run(s) and 0 resource file(s) were already there"))

    // Without --db, CAPACITY_DB names the store.
    let teamRuns = try runner.run(["runs", "--json"], environment: ["CAPACITY_DB": team])
    let laptopRuns = try runner.run(["runs", "--json", "--db", "laptop.sqlite"])
    #expect(teamRuns.status == 0, "\(teamRuns.stderr)")
    #expect(teamRuns.stdout == laptopRuns.stdout)
    #expect(try StoreBackend.query(team, "SELECT COUNT(*) FROM run") == "6")

    let back = try runner.run(["store", "copy", "--from", team, "--to", "back.sqlite", "-q"])
    #expect(back.status == 0, "\(back.stderr)")
    #expect(try runner.run(["runs", "--json", "--db", "back.sqlite"]).stdout == laptopRuns.stdout)
  }

  @Test func copyingAStoreOntoItselfIsAUsageError() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run(["store", "copy", "--from", "a.sqlite", "--to", "a.sqlite"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("the same store"))
  }
}
