import CapacityStore
import PostgresNIO

/// Plain words for what postgres-nio reports. PSQLError's own description hides the detail (so a
/// password cannot leak); these read the server's message and SQLSTATE, which never carry it.
extension PostgresSession {
  static func connectError(_ error: any Error, _ location: PostgresLocation) -> StoreError {
    guard let error = error as? PSQLError else {
      return .cannotOpen(
        path: location.description, reason: String(describing: error).prefix(300).description)
    }
    let passwordHint = "give it in the URL (postgres://user:password@…), PGPASSWORD or ~/.pgpass"
    switch error.code {
    case .connectionError:
      return .unreachable(server: location.server, reason: plainWords(error.underlying))
    case .authMechanismRequiresPassword:
      return .cannotOpen(
        path: location.description,
        reason: "the server asks a password for user '\(location.user)' and none was given; \(passwordHint)")
    case .sslUnsupported:
      return .cannotOpen(
        path: location.description,
        reason: "the server does not offer TLS, which sslmode=\(location.tls) needs")
    case .server:
      let message = error.serverInfo?[.message] ?? "refused"
      switch error.serverInfo?[.sqlState] {
      case "28P01", "28000":
        return .cannotOpen(path: location.description, reason: "\(message); \(passwordHint)")
      case "3D000":
        return .cannotOpen(
          path: location.description,
          reason: "\(message); create it (createdb \(location.database)) or name another database")
      default:
        return statementError(error, sql: nil, location)
      }
    default:
      return .unreachable(server: location.server, reason: "\(error.code)")
    }
  }

  static func statementError(_ error: any Error, sql: String?, _ location: PostgresLocation) -> StoreError {
    guard let error = error as? PSQLError else {
      return .server(sqlState: "?", message: String(describing: error).prefix(300).description, sql: sql)
    }
    if let info = error.serverInfo {
      let detail = info[.detail].map { " (\($0))" } ?? ""
      return .server(
        sqlState: info[.sqlState] ?? "?", message: (info[.message] ?? "error") + detail, sql: sql)
    }
    switch error.code {
    case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
      return .unreachable(server: location.server, reason: "the connection was lost")
    default:
      return .server(sqlState: "?", message: "\(error.code)", sql: sql)
    }
  }

  private static func plainWords(_ underlying: (any Error)?) -> String {
    let text = underlying.map { String(describing: $0) } ?? "no answer"
    let lower = text.lowercased()
    if lower.contains("refused") { return "connection refused: no server listens there" }
    if lower.contains("timeout") || lower.contains("timed out") { return "no answer within 10 s" }
    if lower.contains("resolve") || lower.contains("dns") || lower.contains("getaddrinfo") {
      return "the host name does not resolve"
    }
    return String(text.prefix(200))
  }
}
