/// A saturation rule that tripped at a step.
public struct RuleTrip: Sendable, Equatable {
  public var rule: SaturationRule
  public var users: Int
  /// Index of the step in the series.
  public var stepIndex: Int
  /// The numbers behind it, in one line.
  public var detail: String
}
