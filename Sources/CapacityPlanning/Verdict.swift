/// How well a deployment's requests fit a profile.
public enum Verdict: String, Sendable, CaseIterable {
  /// Requests exceed allocatable CPU or memory.
  case notRecommended = "NOT RECOMMENDED"
  /// Fits, but with less than 20 % headroom on CPU or memory.
  case minimum = "MINIMUM"
  /// Fits with at least 20 % headroom on both.
  case recommended = "RECOMMENDED"
}
