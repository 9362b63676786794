/// One objective evaluated on one run.
public struct SLOResult: Sendable, Equatable {
  public var runName: String
  public var runID: String
  public var objective: SLOObjective
  /// What was measured; `nil` when the run does not give it (unknown endpoint, no such step).
  public var measured: Double?
  public var passed: Bool
  /// Why it failed or how it was measured, in one line.
  public var detail: String
}
