/// The largest load within every objective that steps can measure, interpolated between steps.
public struct CapacityAtSLO: Sendable, Equatable {
  public enum Bound: String, Sendable, Equatable {
    /// Between two measured steps.
    case interpolated
    /// Every step met the objectives: the capacity is at least the heaviest step.
    case atLeast = "at_least"
    /// The lightest step already broke an objective: the capacity is below it.
    case below
  }

  public var users: Double
  /// Throughput at that load, interpolated the same way.
  public var throughput: Double
  public var bound: Bound
  /// The objective that limits it (`nil` when none broke).
  public var limitedBy: SLOObjective?
  /// Objectives steps cannot measure (e.g. per endpoint), left out of the interpolation.
  public var unevaluated: [SLOObjective]
}
