import Foundation
import GRDB

/// Why the run store failed; carries SQLite's result code and the statement where known.
public enum StoreError: Error, LocalizedError {
  case cannotOpen(path: String, reason: String)
  case database(code: Int32, message: String, sql: String?)
  case runNotFound(String)
  case ambiguousRun(String, matches: [String])

  init(_ error: any Error) {
    if let error = error as? DatabaseError {
      self = .database(
        code: error.resultCode.rawValue, message: error.message ?? "unknown error", sql: error.sql)
    } else if let error = error as? StoreError {
      self = error
    } else {
      self = .database(code: -1, message: String(describing: error), sql: nil)
    }
  }

  public var errorDescription: String? {
    switch self {
    case .cannotOpen(let path, let reason): "cannot open database '\(path)': \(reason)"
    case .database(let code, let message, let sql):
      "database error \(code): \(message)" + (sql.map { " (in: \($0))" } ?? "")
    case .runNotFound(let key): "no stored run matches '\(key)' (see 'capacity runs')"
    case .ambiguousRun(let key, let matches):
      "'\(key)' matches several runs: \(matches.joined(separator: ", ")); use a longer id"
    }
  }
}
