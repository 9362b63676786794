import Foundation
import GRDB

/// Why the run store failed; carries SQLite's result code or PostgreSQL's SQLSTATE and the
/// statement where known. A PostgreSQL location is always named with its password masked.
public enum StoreError: Error, LocalizedError {
  case cannotOpen(path: String, reason: String)
  case database(code: Int32, message: String, sql: String?)
  /// No PostgreSQL server answered at `server` (host:port).
  case unreachable(server: String, reason: String)
  /// The PostgreSQL server refused a statement.
  case server(sqlState: String, message: String, sql: String?)
  case runNotFound(String)
  case ambiguousRun(String, matches: [String])
  /// A stored value that cannot be read back: the file was damaged or written by something else.
  case corrupt(table: String, detail: String)

  package init(_ error: any Error) {
    if let error = error as? DatabaseError {
      self = .database(
        code: error.resultCode.rawValue, message: error.message ?? "unknown error", sql: error.sql)
    } else if let error = error as? StoreError {
      self = error
    } else {
      self = .database(code: -1, message: String(describing: error), sql: nil)
    }
  }

  /// Runs `body`, turning a value that does not decode into `.corrupt` naming `table`.
  package static func reading<T>(_ table: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      throw error
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError.corrupt(table: table, detail: String(String(describing: error).prefix(200)))
    }
  }

  public var errorDescription: String? {
    switch self {
    case .cannotOpen(let path, let reason): "cannot open database '\(path)': \(reason)"
    case .database(let code, let message, let sql):
      "database error \(code): \(message)" + (sql.map { " (in: \($0))" } ?? "")
    case .unreachable(let server, let reason):
      "cannot reach the PostgreSQL server at \(server) (\(reason)); start it, or correct the host and "
        + "port in --db / CAPACITY_DB (postgres://user@host:port/database)"
    case .server(let sqlState, let message, let sql):
      "PostgreSQL error \(sqlState): \(message)" + (sql.map { " (in: \($0.prefix(300)))" } ?? "")
    case .corrupt(let table, let detail):
      "the run store is damaged: table '\(table)' holds a value that cannot be read (\(detail)); "
        + "move the file aside or pass --db FILE to use a new store"
    case .runNotFound(let key): "no stored run matches '\(key)' (see 'capacity runs')"
    case .ambiguousRun(let key, let matches):
      "'\(key)' matches several runs: \(matches.joined(separator: ", ")); use a longer id"
    }
  }
}
