import Foundation
import Synchronization
import Testing

@testable import CapacityKit
@testable import CapacityStore
@testable import CapacityStorePostgres
@testable import CapacityTestSupport

/// What only the PostgreSQL store does: URLs and passwords as libpq reads them, errors that name
/// the server and never the password, and migrations under an advisory lock. The store contract
/// both stores keep is `RunHistoryTests`.
@Suite struct PostgresStoreTests {
  private let none: [String: String] = [:]

  @Test func aURLGivesEveryPartAndDescribesItselfWithoutThePassword() throws {
    let location = try PostgresLocation(
      url: "postgresql://ann:s%3Acret@db.example:6543/team%20runs?sslmode=disable", environment: none,
      home: "/nonexistent")
    #expect(location.host == "db.example")
    #expect(location.port == 6543)
    #expect(location.user == "ann")
    #expect(location.password == "s:cret")
    #expect(location.database == "team runs")
    #expect(location.tls == .disable)
    #expect(location.description == "postgres://ann:***@db.example:6543/team runs")
    #expect(!location.description.contains("cret"))
  }

  @Test func whatTheURLLeavesOutComesFromLibpqsVariables() throws {
    let environment = ["PGHOST": "pg.local", "PGPORT": "7000", "PGUSER": "ci", "PGPASSWORD": "pw"]
    let location = try PostgresLocation(url: "postgres://", environment: environment, home: "/nonexistent")
    #expect(location.server == "pg.local:7000")
    #expect(location.user == "ci")
    #expect(location.database == "ci")
    #expect(location.password == "pw")
    #expect(location.tls == .prefer)
    let ipv6 = try PostgresLocation(url: "postgres://u@[::1]:5433/d", environment: none, home: "/nonexistent")
    #expect(ipv6.server == "[::1]:5433")
  }

  @Test func aBadURLIsRefusedWithItsPasswordMasked() {
    #expect {
      try PostgresLocation(url: "postgres://u:hunter2@h/d?sslmode=sometimes", environment: [:], home: "/")
    } throws: { error in
      let text = (error as? StoreError)?.errorDescription ?? ""
      return text.contains("sslmode") && !text.contains("hunter2") && text.contains("postgres://u:***@h/d")
    }
  }

  @Test func thePasswordFileIsReadAsLibpqReadsIt() throws {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID())")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: home) }
    let file = home.appendingPathComponent(".pgpass")
    try """
    # host:port:database:user:password
    other:5432:*:ann:wrong
    db\\:x:5432:runs:ann:first\\:match
    *:*:*:ann:fallback:with:colons
    *:*:*:ann:never

    """.write(to: file, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    func password(_ url: String, _ environment: [String: String] = [:]) throws -> String? {
      try PostgresLocation(url: url, environment: environment, home: home.path).password
    }
    #expect(try password("postgres://ann@db%3Ax:5432/runs") == "first:match")
    #expect(try password("postgres://ann@elsewhere/runs") == "fallback:with:colons")
    #expect(try password("postgres://bob@elsewhere/runs") == nil)
    // The URL, then PGPASSWORD, come before the file.
    #expect(try password("postgres://ann:given@elsewhere/runs") == "given")
    #expect(try password("postgres://ann@elsewhere/runs", ["PGPASSWORD": "env"]) == "env")

    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
    let exposed = try PostgresLocation(
      url: "postgres://ann@elsewhere/runs", environment: [:], home: home.path)
    #expect(exposed.password == nil)
    #expect(exposed.passwordFileWarning?.contains("group or world access") == true)
  }

  @Test func anUnreachableServerIsNamedWithWhatToDoAndNoPassword() {
    // Port 1 on loopback: nothing listens there.
    #expect {
      try RunHistoryOpener.open("postgres://capacity:hunter2@127.0.0.1:1/runs")
    } throws: { error in
      let text = (error as? StoreError)?.errorDescription ?? ""
      return text.contains("127.0.0.1:1") && text.contains("connection refused")
        && text.contains("CAPACITY_DB") && !text.contains("hunter2")
    }
  }

  @Test func aWrongPasswordIsRefusedWithoutPrintingIt() throws {
    let url = try TestPostgres.serverURL()
    var components = try #require(URLComponents(string: url))
    components.password = "not-the-password"
    #expect {
      try RunHistoryOpener.open(components.string ?? url)
    } throws: { error in
      let text = (error as? StoreError)?.errorDescription ?? ""
      return text.contains("password authentication failed") && !text.contains("not-the-password")
        && text.contains("PGPASSWORD")
    }
  }

  @Test func theSchemaIsSQLitesSchemaWithTheSameMigrations() throws {
    let postgres = try TestPostgres.freshDatabase()
    let sqlite = try StoreBackend.sqlite.freshLocation()
    _ = try RunHistoryOpener.open(postgres)
    _ = try RunHistoryOpener.open(sqlite)
    _ = try RunHistoryOpener.open(postgres)  // a second open applies nothing new
    let migrations = "SELECT identifier FROM grdb_migrations ORDER BY identifier"
    #expect(try StoreBackend.query(postgres, migrations) == StoreBackend.query(sqlite, migrations))
    #expect(
      try StoreBackend.query(postgres, "SELECT COUNT(*) FROM grdb_migrations") == "\(Schema.migrations.count)"
    )
    let postgresColumns = try StoreBackend.query(
      postgres,
      """
      SELECT table_name || '.' || column_name || ':' || is_nullable FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'grdb_migrations' ORDER BY 1
      """)
    let sqliteColumns = try StoreBackend.query(
      sqlite,
      """
      SELECT m.name || '.' || p.name || ':' || CASE WHEN p."notnull" = 1 OR p.pk = 1 THEN 'NO' ELSE 'YES' END
      FROM sqlite_master m, pragma_table_info(m.name) p
      WHERE m.type = 'table' AND m.name NOT IN ('grdb_migrations') AND m.name NOT LIKE 'sqlite_%' ORDER BY 1
      """)
    #expect(postgresColumns == sqliteColumns)
    #expect(postgresColumns.split(separator: "\n").count > 100)
  }

  @Test func eightConnectionsOpeningANewDatabaseAtOnceMigrateItOnce() throws {
    let url = try TestPostgres.freshDatabase()
    let failures = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      do {
        _ = try RunHistoryOpener.open(url)
      } catch {
        failures.withLock { $0.append("\(error)") }
      }
    }
    #expect(failures.withLock { $0 } == [])
    #expect(
      try StoreBackend.query(url, "SELECT COUNT(*) FROM grdb_migrations") == "\(Schema.migrations.count)")
  }
}
