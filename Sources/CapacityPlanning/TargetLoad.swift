import CapacityAnalysis
import CapacityModel
import Foundation

/// What load to plan for.
public enum TargetLoad: Sendable, Equatable {
  /// The largest valid scenario's users (the default).
  case largestScenario
  case users(Int)
  case requestsPerSecond(Double)

  /// The target in req/s (and users when known), and how it was chosen; `nil` when it comes to 0.
  /// Users become req/s at the per-user rate measured within the SLO (`throughput`).
  public func resolve(throughput: MeasuredThroughput, analyses: [RunAnalysis])
    -> (rps: Double, users: Int?, basis: String, perUser: Double?)?
  {
    let valid = analyses.filter { $0.validity.verdict != .invalid }
    let perUser = throughput.users.map { throughput.requestsPerSecond / Double(max($0, 1)) }
    var users: Int?
    let rps: Double
    let basis: String
    switch self {
    case .requestsPerSecond(let value):
      rps = value
      basis = "--target-rps \(NumberFormat.decimal(value, places: 1))"
    case .users(let count):
      users = count
      rps = Double(count) * (perUser ?? 0)
      basis = "--target-users \(count) at \(NumberFormat.decimal(perUser ?? 0, places: 3)) req/s per user"
    case .largestScenario:
      if let largest = valid.filter({ $0.usersMax != nil }).max(by: {
        ($0.usersMax ?? 0) < ($1.usersMax ?? 0)
      }),
        let count = largest.usersMax, let perUser
      {
        users = count
        rps = max(Double(count) * perUser, largest.requestsPerSecond)
        basis =
          "the largest valid scenario, \(largest.run.name): \(count) users at "
          + "\(NumberFormat.decimal(perUser, places: 3)) req/s per user (measured within the SLO)"
      } else {
        rps = valid.map(\.requestsPerSecond).max() ?? throughput.requestsPerSecond
        basis = "the busiest valid run's throughput"
      }
    }
    guard rps > 0 else { return nil }
    return (rps, users, basis, perUser)
  }
}
