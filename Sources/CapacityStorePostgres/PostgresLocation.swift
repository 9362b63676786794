import CapacityStore
import Foundation

/// A PostgreSQL database named the way libpq users write it, `postgres://user:password@host:port/db`
/// (or `postgresql://`), with libpq's defaults for what the URL leaves out: `PGHOST` or localhost,
/// `PGPORT` or 5432, `PGUSER` or the login name, `PGDATABASE` or the user name. The password comes
/// from the URL, else `PGPASSWORD`, else the password file (`PGPASSFILE` or `~/.pgpass`).
///
/// The password is never part of `description`, `server` or any error: they show `***`.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
  /// libpq's `sslmode`: `disable`, `prefer` (the default: TLS when the server offers it),
  /// `require` (TLS, certificate not checked) and `verify-full` (TLS, certificate and host checked).
  public enum TLSMode: String, Sendable, Equatable {
    case disable, prefer, require
    case verifyFull = "verify-full"
  }

  public var host: String
  public var port: Int
  public var user: String
  public var password: String?
  public var database: String
  public var tls: TLSMode
  /// What the password file lookup has to say (libpq's warning for a file others may read).
  public var passwordFileWarning: String?

  /// Whether `text` names a PostgreSQL database rather than a SQLite file.
  public static func isPostgresURL(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
  }

  public init(
    url text: String, environment: [String: String] = ProcessInfo.processInfo.environment,
    home: String = NSHomeDirectory()
  ) throws(StoreError) {
    guard Self.isPostgresURL(text), let url = URLComponents(string: text) else {
      throw .cannotOpen(
        path: Self.masking(text), reason: "it is not a URL of the form postgres://user@host:port/database")
    }
    let login = ProcessInfo.processInfo.userName
    host = Self.decoded(url.percentEncodedHost).map(Self.unbracketed) ?? environment["PGHOST"] ?? "localhost"
    if host.isEmpty { host = environment["PGHOST"] ?? "localhost" }
    port = url.port ?? environment["PGPORT"].flatMap(Int.init) ?? 5432
    user = Self.decoded(url.percentEncodedUser) ?? environment["PGUSER"] ?? login
    let path = Self.decoded(String(url.percentEncodedPath.drop { $0 == "/" })) ?? ""
    database = path.isEmpty ? environment["PGDATABASE"] ?? user : path
    tls = .prefer
    for item in url.queryItems ?? [] {
      switch item.name {
      case "sslmode":
        guard let mode = TLSMode(rawValue: item.value ?? "") else {
          throw .cannotOpen(
            path: Self.masking(text),
            reason: "sslmode '\(item.value ?? "")' is not one of disable, prefer, require, verify-full")
        }
        tls = mode
      case "application_name", "connect_timeout": continue
      default:
        throw .cannotOpen(
          path: Self.masking(text),
          reason: "capacity does not know the URL parameter '\(item.name)' (it takes sslmode)")
      }
    }
    password = Self.decoded(url.percentEncodedPassword) ?? environment["PGPASSWORD"]
    if password?.isEmpty ?? true {
      let lookup = PasswordFile.lookup(
        host: host, port: port, database: database, user: user, environment: environment, home: home)
      password = lookup.password ?? password
      passwordFileWarning = lookup.warning
    }
  }

  /// host:port, as error messages name the server.
  public var server: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

  /// The URL with the password masked.
  public var description: String {
    "postgres://\(user)\(password == nil ? "" : ":***")@\(server)/\(database)"
  }

  /// `text` with anything between `//user:` and `@` replaced by `***`, for a URL that does not parse.
  public static func masking(_ text: String) -> String {
    guard let scheme = text.range(of: "://"), let at = text.range(of: "@", options: .backwards),
      at.lowerBound > scheme.upperBound,
      let colon = text[scheme.upperBound..<at.lowerBound].firstIndex(of: ":")
    else { return text }
    return String(text[..<text.index(after: colon)]) + "***" + String(text[at.lowerBound...])
  }

  private static func decoded(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text.removingPercentEncoding ?? text
  }

  private static func unbracketed(_ host: String) -> String {
    host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
  }
}
