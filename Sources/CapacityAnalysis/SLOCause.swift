/// Why a run (or some of its load steps) missed an objective, from the evidence (SLOCauseClassifier).
public struct SLOCause: Sendable, Equatable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// The bottleneck ran near its limit, or latency / errors grew with load: more capacity helps.
    case capacity
    /// Errors or latency sit on a few endpoints while the rest are healthy and the host is not
    /// saturated: a larger profile will not fix it.
    case functional
    /// Connection-level failures across endpoints: the environment, not the application.
    case infrastructure
    /// The evidence does not decide; `missing` says what would.
    case unknown
  }

  public var kind: Kind
  /// The objectives missed, e.g. `errors 4.1 % > 1 %`, `p95 2.3 s > 500 ms at 80, 100 users`.
  public var missed: [String]
  /// The evidence that decided, lowercase-first sentences without a final period.
  public var evidence: [String]
  /// For `functional`: the endpoints the failures or slow responses sit on (`POST /api/cart/`).
  public var endpoints: [String]
  /// For `functional`: their error types (labels of ErrorCategory), most frequent first.
  public var errorTypes: [String]
  /// CPU utilisation of the bottleneck used as evidence, 0–1, and what it measured.
  public var utilisation: Double?
  public var utilisationSource: String?
  /// For `unknown`: the evidence that would decide.
  public var missing: [String]
  /// Users of the load steps that missed an objective.
  public var failingSteps: [Int]

  public init(
    kind: Kind, missed: [String], evidence: [String], endpoints: [String] = [], errorTypes: [String] = [],
    utilisation: Double? = nil, utilisationSource: String? = nil, missing: [String] = [],
    failingSteps: [Int] = []
  ) {
    self.kind = kind
    self.missed = missed
    self.evidence = evidence
    self.endpoints = endpoints
    self.errorTypes = errorTypes
    self.utilisation = utilisation
    self.utilisationSource = utilisationSource
    self.missing = missing
    self.failingSteps = failingSteps
  }

  /// One sentence for the answer: `stress missed p95 2.3 s > 500 ms: capacity (host CPU averaged 96 %)`.
  public func sentence(run: String) -> String {
    let label: String
    switch kind {
    case .capacity: label = "capacity"
    case .functional: label = "functional, not capacity"
    case .infrastructure: label = "infrastructure"
    case .unknown: label = "cause unknown"
    }
    var text = "\(run) missed the SLO (\(missed.joined(separator: "; "))): \(label)"
    let why = evidence + (missing.isEmpty ? [] : ["missing: " + missing.joined(separator: ", ")])
    if !why.isEmpty { text += " — " + why.joined(separator: "; ") }
    if kind == .functional {
      text +=
        "; a larger profile will not fix this: fix "
        + (endpoints.count == 1 ? "that endpoint" : "those endpoints")
    }
    return text + "."
  }
}
