import CapacityStore
import CapacityStorePostgres
import Foundation

/// Opens the run history `--db` (or `CAPACITY_DB`) names: a `postgres://` or `postgresql://` URL
/// is a PostgreSQL database, anything else a SQLite file.
public enum RunHistoryOpener {
  /// The environment variable naming the store when `--db` is not given.
  public static let environmentVariable = "CAPACITY_DB"
  /// The store when neither `--db` nor `CAPACITY_DB` names one.
  public static let defaultLocation = "capacity.sqlite"

  /// `explicit` (the `--db` value) when given, else `CAPACITY_DB`, else `capacity.sqlite`.
  public static func location(
    _ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String {
    if let explicit { return explicit }
    if let named = environment[environmentVariable], !named.isEmpty { return named }
    return defaultLocation
  }

  /// - Parameters:
  ///   - readOnly: a SQLite file the user may not write is opened read-only (PostgreSQL
  ///     decides by the user's grants).
  ///   - warn: told what the password-file lookup found wrong (libpq's warnings).
  public static func open(_ location: String, readOnly: Bool = false, warn: (String) -> Void = { _ in })
    throws(StoreError) -> any RunHistory
  {
    guard PostgresLocation.isPostgresURL(location) else {
      return try RunStore(path: location, readOnly: readOnly)
    }
    let postgres = try PostgresLocation(url: location)
    if let warning = postgres.passwordFileWarning { warn(warning) }
    return try PostgresRunStore(postgres)
  }

  /// The location as messages may show it: a URL's password masked.
  public static func displayName(_ location: String) -> String {
    PostgresLocation.isPostgresURL(location) ? PostgresLocation.masking(location) : location
  }
}
