import CapacityModel

/// One service-level objective: a metric, optionally of one endpoint, with a bound.
///
/// `max` bounds latency and error rate from above; `min` bounds throughput from below, optionally
/// at a given number of users (`{metric: rps, min: 50, users: 100}`).
public struct SLOObjective: Sendable, Equatable, Codable {
  public enum Metric: String, Sendable, Equatable, Codable, CaseIterable {
    case p50Ms = "p50_ms"
    case p90Ms = "p90_ms"
    case p95Ms = "p95_ms"
    case p99Ms = "p99_ms"
    case meanMs = "mean_ms"
    case maxMs = "max_ms"
    case errorRate = "error_rate"
    case rps

    /// Latency and error rate are upper bounds; throughput is a lower bound.
    public var isLowerBound: Bool { self == .rps }

    /// The quantile of a latency percentile metric.
    package var quantile: Double? {
      switch self {
      case .p50Ms: 0.5
      case .p90Ms: 0.9
      case .p95Ms: 0.95
      case .p99Ms: 0.99
      default: nil
      }
    }
  }

  /// `"GET /search/"` (method and name) or just the name; `nil` for the whole run.
  public var endpoint: String?
  /// A JMeter Transaction Controller label (`"TC Checkout flow"`) instead of an endpoint.
  public var transaction: String?
  public var metric: Metric
  /// The bound: at most this (latency, error rate) or at least this (rps).
  public var limit: Double
  /// For `rps`: the user count at which the throughput is required.
  public var users: Int?

  public init(
    endpoint: String? = nil, metric: Metric, limit: Double, users: Int? = nil, transaction: String? = nil
  ) {
    self.endpoint = endpoint
    self.transaction = transaction
    self.metric = metric
    self.limit = limit
    self.users = users
  }

  /// Bounds the whole run: no endpoint, transaction or user count.
  public var isRunWide: Bool { endpoint == nil && transaction == nil && users == nil }

  /// Whether `value` meets the objective.
  public func isMet(by value: Double) -> Bool {
    metric.isLowerBound ? value >= limit : value <= limit
  }

  /// `p95_ms ≤ 500`, `GET /search/ p99_ms ≤ 1500`, `rps ≥ 50 at 100 users`.
  public var description: String {
    let bound = metric.isLowerBound ? "≥" : "≤"
    let value =
      metric == .errorRate
      ? NumberFormat.percent(limit, places: limit * 100 == (limit * 100).rounded() ? 0 : 2)
      : NumberFormat.decimal(limit, places: limit == limit.rounded() ? 0 : 2)
    let scope = endpoint.map { "\($0) " } ?? transaction.map { "transaction \($0) " } ?? ""
    let at = users.map { " at \($0) users" } ?? ""
    return "\(scope)\(metric.rawValue) \(bound) \(value)\(at)"
  }
}
