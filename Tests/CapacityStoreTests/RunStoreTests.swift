import Foundation
import GRDB
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

  /// Rows are bound with SQLite's own calls: every value type reads back as written, a duplicate
  /// key is skipped (`ON CONFLICT DO NOTHING`), and a broken constraint is an error, not a crash.
  @Test func tableRowsAreInsertedValueByValue() throws {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE t (k INTEGER PRIMARY KEY, r REAL, s TEXT NOT NULL, b BLOB, n TEXT)")
      let rows = TableRows(
        table: "t", columns: ["k", "r", "s", "b", "n"],
        values: [
          [1.databaseValue, 2.5.databaseValue, "a|é".databaseValue, Data([0, 1, 255]).databaseValue, .null],
          [2.databaseValue, (-0.0).databaseValue, "".databaseValue, .null, "x".databaseValue],
          [1.databaseValue, 9.databaseValue, "skipped".databaseValue, .null, .null],
        ])
      try rows.insert(db)
      let read = try Row.fetchAll(db, sql: "SELECT k, r, s, b, n FROM t ORDER BY k")
      #expect(read.map { $0["s"] as String } == ["a|é", ""])
      #expect(read.map { $0["r"] as Double } == [2.5, 0])
      #expect(read[0]["b"] as Data? == Data([0, 1, 255]))
      #expect(read.map { $0["n"] as String? } == [nil, "x"])
      let broken = TableRows(table: "t", columns: ["k", "s"], values: [[3.databaseValue, .null]])
      #expect(throws: DatabaseError.self) { try broken.insert(db) }
      try rows.insert(db)  // the statement is usable again after the failure
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 2)
    }
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
