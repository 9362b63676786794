import CapacityAnalysis
import CapacityPlanning

/// How good a verdict is, for its badge and its colour: the one place verdicts map to severities.
/// The raw values are the templates' badge classes (`<span class="badge {{verdictClass}}">`).
public enum Severity: String, Sendable, CaseIterable {
  case good
  case warn
  case bad
  /// No verdict to judge (no manifests, not measured, no target).
  case none

  public init(_ verdict: Verdict) {
    switch verdict {
    case .recommended: self = .good
    case .minimum: self = .warn
    case .notRecommended: self = .bad
    }
  }

  public init(_ verdict: ValidityVerdict) {
    switch verdict {
    case .valid: self = .good
    case .degraded: self = .warn
    case .invalid: self = .bad
    }
  }

  public init(_ verdict: ComparisonVerdict) {
    switch verdict {
    case .improvement: self = .good
    case .inconclusive: self = .warn
    case .regression: self = .bad
    case .noSignificantChange: self = .none
    }
  }

  /// A fault's recovery target: met, missed, or none set.
  public init(pass: Bool?) {
    switch pass {
    case true?: self = .good
    case false?: self = .bad
    case nil: self = .none
    }
  }

  /// A profile or run verdict as report.json spells it (`RECOMMENDED`, `DEGRADED`…); `nil` is
  /// `none`, and any other text `bad`.
  public init(verdict: String?) {
    guard let verdict else {
      self = .none
      return
    }
    if let profile = Verdict(rawValue: verdict) {
      self.init(profile)
    } else if let validity = ValidityVerdict(rawValue: verdict) {
      self.init(validity)
    } else {
      self = .bad
    }
  }

  /// A comparison verdict as report.json spells it; any other text is `none`.
  public init(comparison verdict: String) {
    self = ComparisonVerdict(rawValue: verdict).map(Self.init) ?? .none
  }
}
