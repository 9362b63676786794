import CapacityStore
import Foundation
import GRDB
import PostgresNIO

/// One connection to the PostgreSQL server, used synchronously.
///
/// Why blocking calls: every command is a synchronous `ParsableCommand` and the workflow
/// (`RunIngestor`, `ReportJob`) calls the store from plain functions, as it calls SQLite. Making
/// all of them `async` for one backend would ripple through every layer above the store. Instead
/// the connection lives on SwiftNIO's process-wide event loop group (`singleton`, owned by NIO,
/// never shut down by hand) and each statement waits on its `EventLoopFuture`. The work happens on
/// NIO's own thread, never on Swift's cooperative pool, so waiting cannot starve it (it could if
/// we waited on a `Task` from a test running on that pool).
final class PostgresSession: Sendable {
  let connection: PostgresConnection
  let location: PostgresLocation
  private let logger: Logger
  /// Held by a transaction and each statement, so threads sharing a store take turns and no
  /// statement of one thread lands inside another's transaction.
  private let lock = NSRecursiveLock()

  /// Arguments one statement may carry (PostgreSQL's wire protocol counts them in 16 bits).
  static let maximumArguments = 30_000

  init(_ location: PostgresLocation) throws(StoreError) {
    self.location = location
    var logger = Logger(label: "capacity.store.postgres")
    logger.logLevel = .critical
    self.logger = logger
    do {
      var configuration = PostgresConnection.Configuration(
        host: location.host, port: location.port, username: location.user, password: location.password,
        database: location.database, tls: try Self.tls(location.tls))
      configuration.options.connectTimeout = .seconds(10)
      connection = try PostgresConnection.connect(
        on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger
      ).wait()
    } catch {
      throw Self.connectError(error, location)
    }
  }

  deinit { try? connection.close().wait() }

  /// The rows `sql` returns; `?` in `sql` are the arguments, in order.
  @discardableResult
  func query(_ sql: String, _ arguments: [DatabaseValue] = []) throws(StoreError) -> [Row] {
    try run(sql, arguments).rows.map(PostgresValues.row)
  }

  /// Runs `sql` and returns how many rows it inserted, updated or deleted.
  func execute(_ sql: String, _ arguments: [DatabaseValue] = []) throws(StoreError) -> Int {
    try run(sql, arguments).metadata.rows ?? 0
  }

  /// Statements that take no arguments, several separated by `;` (a migration).
  func executeScript(_ sql: String) throws(StoreError) {
    lock.lock()
    defer { lock.unlock() }
    do {
      _ = try connection.simpleQuery(sql).wait()
    } catch {
      throw Self.statementError(error, sql: sql, location)
    }
  }

  /// Runs `body` inside `BEGIN … COMMIT`, rolling back when it throws.
  func transaction<T>(_ begin: String = "BEGIN", _ body: () throws -> T) throws(StoreError) -> T {
    lock.lock()
    defer { lock.unlock() }
    try executeScript(begin)
    do {
      let result = try body()
      try executeScript("COMMIT")
      return result
    } catch {
      try? executeScript("ROLLBACK")
      throw StoreError(error)
    }
  }

  private func run(_ sql: String, _ arguments: [DatabaseValue]) throws(StoreError) -> PostgresQueryResult {
    let query = PostgresQuery(
      unsafeSQL: PostgresValues.numberingPlaceholders(sql), binds: PostgresValues.bindings(arguments))
    lock.lock()
    defer { lock.unlock() }
    do {
      return try connection.query(query, logger: logger).wait()
    } catch {
      throw Self.statementError(error, sql: sql, location)
    }
  }

  private static func tls(_ mode: PostgresLocation.TLSMode) throws -> PostgresConnection.Configuration.TLS {
    var configuration = TLSConfiguration.makeClientConfiguration()
    switch mode {
    case .disable: return .disable
    case .verifyFull: return .require(try NIOSSLContext(configuration: configuration))
    case .prefer, .require:
      // libpq's `prefer` and `require` encrypt without checking the certificate.
      configuration.certificateVerification = .none
      let context = try NIOSSLContext(configuration: configuration)
      return mode == .prefer ? .prefer(context) : .require(context)
    }
  }
}
