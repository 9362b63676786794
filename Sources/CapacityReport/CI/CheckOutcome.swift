import CapacityAnalysis

/// What `capacity check` found: every objective's result and the analyses of the runs judged, the
/// one input of the CI writers (JUnit, GitHub annotations and job summary, GitLab metrics, JSON).
public struct CheckOutcome: Sendable {
  public var results: [SLOResult]
  public var analyses: [RunAnalysis]

  public init(results: [SLOResult], analyses: [RunAnalysis]) {
    self.results = results
    self.analyses = analyses
  }

  public var failed: [SLOResult] { results.filter { !$0.passed } }
  public var passed: Bool { failed.isEmpty }

  /// Each run's measured duration in seconds (first to last request), by run id; 0 when unknown.
  public var durations: [String: Double] {
    Dictionary(analyses.map { ($0.run.id, $0.durationSeconds ?? 0) }, uniquingKeysWith: { first, _ in first })
  }

  /// One line: `3 of 6 objective checks failed` or `6 objective checks passed`.
  public var verdictLine: String {
    passed
      ? "\(results.count) objective checks passed"
      : "\(failed.count) of \(results.count) objective checks failed"
  }
}
