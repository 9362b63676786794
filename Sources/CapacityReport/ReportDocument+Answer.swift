import CapacityAnalysis
import CapacityModel

extension ReportDocument {
  /// `recommendation`: the one profile the answer names, the table's verdict for it, and the load.
  public struct AnswerRecommendationEntry: Sendable, Equatable, Codable {
    /// Absent when no profile carries the target.
    public var profile: String?
    /// The named profile's `profiles[].combined_verdict`; NOT RECOMMENDED when none is named.
    public var verdict: String?
    /// The views the verdict was drawn from: `requests`, `measured usage`, `load carried`, joined by " and ".
    public var basis: String
    /// What the named profile (or, when none is named, the largest) carries within the SLO.
    public var carriesUsers: Int?
    public var carriesRps: Double?
    public var targetUsers: Int?
    public var targetRps: Double?
    /// CPU requests the target would need, millicores.
    public var neededCpuMillicores: Int64?
  }

  /// `runs[].slo_cause`: why the run (or some of its steps) missed an objective.
  public struct SLOCauseEntry: Sendable, Equatable, Codable {
    /// `capacity`, `functional`, `infrastructure` or `unknown`.
    public var cause: String
    public var missed: [String]
    public var evidence: [String]
    public var endpoints: [String]
    public var errorTypes: [String]
    /// CPU utilisation used as evidence, 0–1.
    public var utilisation: Double?
    public var utilisationSource: String?
    public var missing: [String]
    public var failingSteps: [Int]

    package init(_ cause: SLOCause) {
      self.cause = cause.kind.rawValue
      missed = cause.missed
      evidence = cause.evidence
      endpoints = cause.endpoints
      errorTypes = cause.errorTypes
      utilisation = cause.utilisation.map { NumberFormat.rounded($0, places: 3) }
      utilisationSource = cause.utilisationSource
      missing = cause.missing
      failingSteps = cause.failingSteps
    }
  }
}
