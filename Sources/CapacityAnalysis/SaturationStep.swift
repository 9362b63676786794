/// One load level of a saturation series: a step of a stepped run, or a whole run at constant users.
public struct SaturationStep: Sendable, Equatable {
  /// Offered users N.
  public var users: Int
  /// Throughput X, requests per second.
  public var throughput: Double
  public var p50Ms: Double?
  public var p95Ms: Double?
  public var p99Ms: Double?
  /// Mean response time, when the input gives it (Little's law needs it).
  public var meanMs: Double?
  public var errorRate: Double
  public var requests: Int64
  /// Long enough and busy enough (`--step-min-seconds`, `--step-min-requests`).
  public var steady: Bool
  /// The run (for a series of runs) or the step window this point came from.
  public var label: String

  public init(
    users: Int, throughput: Double, p50Ms: Double? = nil, p95Ms: Double?, p99Ms: Double? = nil,
    meanMs: Double? = nil, errorRate: Double, requests: Int64, steady: Bool, label: String
  ) {
    self.users = users
    self.throughput = throughput
    self.p50Ms = p50Ms
    self.p95Ms = p95Ms
    self.p99Ms = p99Ms
    self.meanMs = meanMs
    self.errorRate = errorRate
    self.requests = requests
    self.steady = steady
    self.label = label
  }

  /// Little's law: requests in the system, X·R (R = mean response time in seconds).
  public var effectiveConcurrency: Double? { meanMs.map { throughput * $0 / 1000 } }

  /// The step's value of an objective's metric, when the step records it.
  package func value(of metric: SLOObjective.Metric) -> Double? {
    switch metric {
    case .p50Ms: p50Ms
    case .p95Ms: p95Ms
    case .p99Ms: p99Ms
    case .meanMs: meanMs
    case .errorRate: errorRate
    case .rps: throughput
    case .p90Ms, .maxMs: nil
    }
  }
}
