/// `report.json` sections added by the saturation and SLO analysis (docs/report-schema.md).
extension ReportDocument {
  /// One saturation series: a stepped run, or several runs at different user counts.
  public struct SaturationEntry: Sendable, Equatable, Codable {
    public var source: String
    public var runIds: [String]
    public var steps: [SaturationStepEntry]
    public var steadySteps: Int
    public var usl: USLEntry?
    public var uslMissing: String?
    public var forecast: ForecastEntry?
    public var kneeThroughputUsers: Int?
    public var kneeThroughputTrusted: Bool?
    public var kneeP95Users: Int?
    public var kneeP95Trusted: Bool?
    public var rules: [RuleEntry]
    public var saturationPoint: RuleEntry?
    public var bottleneck: String
    public var capacityAtSlo: CapacityEntry?
    public var notes: [String]
  }

  public struct SaturationStepEntry: Sendable, Equatable, Codable {
    public var users: Int
    public var rps: Double
    public var p50Ms: Double?
    public var p95Ms: Double?
    public var p99Ms: Double?
    public var errorRate: Double
    public var requests: Int64
    /// Little's law X·R, when the mean response time is known.
    public var effectiveConcurrency: Double?
    public var steady: Bool
    public var label: String
  }

  public struct EstimateEntry: Sendable, Equatable, Codable {
    public var value: Double
    public var stdError: Double
    public var ci95Low: Double
    public var ci95High: Double
  }

  public struct USLEntry: Sendable, Equatable, Codable {
    public var sigma: EstimateEntry
    public var kappa: EstimateEntry
    public var lambda: EstimateEntry
    public var dfResidual: Int
    public var rss: Double
    public var start: String
    public var nStar: Double?
    public var nStarCi95Low: Double?
    public var nStarCi95High: Double?
    public var xMaxRps: Double?
    public var xRoofRps: Double?
    public var retrogradeObserved: Bool
    public var bootstrapReplicates: Int
    public var bootstrapSeed: UInt64
    /// Pointwise 95 % bootstrap band of the curve.
    public var band: [BandEntry]
  }

  public struct BandEntry: Sendable, Equatable, Codable {
    public var users: Double
    public var lowRps: Double
    public var highRps: Double
  }

  public struct ForecastEntry: Sendable, Equatable, Codable {
    public var fittedUsers: [Double]
    public var predictions: [PredictionEntry]
    public var meanAbsErrorPct: Double
    /// The limit in force (`forecast_error_limit`, %) and whether the fit passed it; a fit that
    /// fails is not trusted beyond the measured steps and stays out of the answer.
    public var limitPct: Double? = nil
    public var trusted: Bool? = nil
  }

  public struct PredictionEntry: Sendable, Equatable, Codable {
    public var users: Double
    public var measuredRps: Double
    public var predictedRps: Double
    public var errorPct: Double
  }

  public struct RuleEntry: Sendable, Equatable, Codable {
    public var rule: String
    public var users: Int
    public var detail: String
  }

  public struct CapacityEntry: Sendable, Equatable, Codable {
    public var users: Double
    public var rps: Double
    public var bound: String
    public var limitedBy: String?
    public var unevaluated: [String]
  }

  public struct ObjectiveEntry: Sendable, Equatable, Codable {
    public var endpoint: String?
    public var metric: String
    public var max: Double?
    public var min: Double?
    public var users: Int?
    /// A JMeter Transaction Controller label the objective bounds.
    public var transaction: String? = nil
  }

  public struct SLOResultEntry: Sendable, Equatable, Codable {
    public var run: String
    public var runId: String
    public var objective: String
    public var measured: Double?
    public var passed: Bool
    public var detail: String
  }
}
