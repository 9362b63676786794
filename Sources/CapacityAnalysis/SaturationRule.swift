/// The rules that mark a saturation point (CAPACITY-MATH.md §2.2), in the order they are reported.
public enum SaturationRule: String, Sendable, Equatable, CaseIterable {
  case plateau = "throughput_plateau"
  case latencySLO = "p95_above_slo"
  case errorSLO = "error_rate_above_slo"
  case falling = "throughput_falling"

  public var label: String {
    switch self {
    case .plateau: "throughput gain per step < 25 % of the initial slope"
    case .latencySLO: "p95 > SLO"
    case .errorSLO: "error rate > SLO"
    case .falling: "throughput falling"
    }
  }
}
