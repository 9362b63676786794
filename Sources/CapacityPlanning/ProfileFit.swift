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
  /// The requests with every autoscaled component at its `maxReplicas`; `nil` without autoscalers.
  /// A hook for the verdict: `peak?.fits == false` means the cluster may scale past this profile.
  public var peak: PeakFit? = nil
  /// The profile's own quota (`quota: NAME`) replayed over the manifests from the start; `nil` when the
  /// profile carries none. A hook for the verdict: `quota?.refused.isEmpty == false` means pods are refused.
  public var quota: QuotaFit? = nil

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

/// The footprint at the autoscalers' peak against one profile.
public struct PeakFit: Sendable, Equatable {
  /// Replicas at the peak, for the autoscaled components only.
  public var replicas: [String: Int]
  public var cpuRequestMillicores: Int64
  public var memoryRequestBytes: Int64
  /// Of allocatable.
  public var cpuRequestsPercent: Percent
  public var memoryRequestsPercent: Percent
  /// Whether the peak's requests fit allocatable CPU and memory.
  public var fits: Bool
}

/// What a profile's quota admits of the manifests.
public struct QuotaFit: Sendable, Equatable {
  public var name: String
  /// Whether the quota is among the manifests (`false`: nothing could be checked).
  public var found: Bool
  public var podsTried: Int
  /// Pods refused, in manifest order (steady first, then the autoscalers' peak), with the API server's error.
  public var refused: [ClusterView.Pod]
}
