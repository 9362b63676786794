/// The JSON of `capacity compare --format json` (schema `capacity-compare/1`, docs/report-schema.md).
public struct ComparisonDocument: Sendable, Equatable, Codable {
  public var schema = "capacity-compare/1"
  public var baseline: RunRef
  public var candidate: RunRef
  public var verdict: String
  public var settings: Settings
  public var metrics: [Metric]
  public var notes: [String]

  public struct RunRef: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var startedAt: String?
  }

  public struct Settings: Sendable, Equatable, Codable {
    public var windowS: Int64
    public var minimumWindows: Int
    public var thresholdPct: Double
    public var alpha: Double
    public var blockLength: Int
    public var resamples: Int
    public var seed: UInt64
  }

  public struct Metric: Sendable, Equatable, Codable {
    public var scope: String
    public var metric: String
    public var baselineWindows: Int
    public var candidateWindows: Int
    public var baselineMean: Double?
    public var candidateMean: Double?
    public var changePct: Double?
    public var ciLowPct: Double?
    public var ciHighPct: Double?
    public var pValue: Double?
    public var verdict: String
  }

  public init(_ comparison: RunComparison, settings: ComparisonSettings) {
    func ref(_ run: Run) -> RunRef {
      RunRef(id: run.id, name: run.name, startedAt: run.startedAt.map(UTCTimestamp.format))
    }
    func pct(_ share: Double?) -> Double? { share.map { NumberFormat.rounded($0 * 100, places: 2) } }
    baseline = ref(comparison.baseline)
    candidate = ref(comparison.candidate)
    verdict = comparison.verdict.rawValue
    self.settings = Settings(
      windowS: settings.windowSeconds, minimumWindows: settings.minimumWindows,
      thresholdPct: settings.practicalThreshold * 100, alpha: settings.alpha,
      blockLength: settings.blockLength, resamples: settings.resamples, seed: settings.seed)
    metrics = comparison.metrics.map { metric in
      Metric(
        scope: metric.scope, metric: metric.metric.rawValue, baselineWindows: metric.baselineWindows,
        candidateWindows: metric.candidateWindows,
        baselineMean: metric.baselineMean.map { NumberFormat.rounded($0, places: 2) },
        candidateMean: metric.candidateMean.map { NumberFormat.rounded($0, places: 2) },
        changePct: pct(metric.change), ciLowPct: pct(metric.changeInterval?.lowerBound),
        ciHighPct: pct(metric.changeInterval?.upperBound),
        pValue: metric.pValue.map { NumberFormat.rounded($0, places: 4) }, verdict: metric.verdict.rawValue)
    }
    notes = comparison.notes
  }
}
