import CapacityTestSupport
import Foundation
import Testing

/// `capacity store copy` and `CAPACITY_DB` through the built binary: a laptop's SQLite history
/// moved into a team's PostgreSQL database and back, the same runs listed from each.
@Suite struct StoreCopyEndToEndTests {
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
