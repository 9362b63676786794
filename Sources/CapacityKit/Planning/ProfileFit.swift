/// How a deployment fits one profile: request percentages, the verdict, why, and how to make it fit.
public struct ProfileFit: Sendable, Equatable {
  /// The profile judged.
  public var profile: Profile
  /// Total CPU requests as a percentage of allocatable CPU.
  public var cpuRequestsPercent: Percent
  /// Total memory requests as a percentage of allocatable memory.
  public var memoryRequestsPercent: Percent
  /// Total CPU requests as a percentage of raw CPU capacity (before overhead).
  public var cpuRequestsOfCapacityPercent: Percent
  /// Total memory requests as a percentage of raw memory capacity (before overhead).
  public var memoryRequestsOfCapacityPercent: Percent
  /// The verdict from requests.
  public var verdict: Verdict
  /// Sentences explaining the verdict, lowercase-first, without a final period.
  public var reasons: [String]
  /// For NOT RECOMMENDED: replicas to remove, sorted by component name; empty otherwise.
  public var scaleDown: [ScaleDown]
  /// Whether the deployment fits once `scaleDown` is applied (true when it already fits).
  public var fitsAfterScaleDown: Bool

  /// Creates a fit result.
  public init(
    profile: Profile, cpuRequestsPercent: Percent, memoryRequestsPercent: Percent,
    cpuRequestsOfCapacityPercent: Percent, memoryRequestsOfCapacityPercent: Percent,
    verdict: Verdict,
    reasons: [String], scaleDown: [ScaleDown], fitsAfterScaleDown: Bool
  ) {
    self.profile = profile
    self.cpuRequestsPercent = cpuRequestsPercent
    self.memoryRequestsPercent = memoryRequestsPercent
    self.cpuRequestsOfCapacityPercent = cpuRequestsOfCapacityPercent
    self.memoryRequestsOfCapacityPercent = memoryRequestsOfCapacityPercent
    self.verdict = verdict
    self.reasons = reasons
    self.scaleDown = scaleDown
    self.fitsAfterScaleDown = fitsAfterScaleDown
  }
}
