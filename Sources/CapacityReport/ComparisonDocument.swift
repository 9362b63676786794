import CapacityAnalysis
import CapacityModel
import Foundation

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
    /// `history` (Locust's rows) or `requests` (a raw log's every request, in short windows).
    public var windowBasis: String
    /// `holm` for the overall metrics, `benjamini-hochberg` for the per-endpoint rows.
    public var primaryCorrection: String
    public var secondaryCorrection: String
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
    /// `primary` (overall: decides the verdict) or `secondary` (per endpoint).
    public var family: String
    /// `exact` or `asymptotic`.
    public var pMethod: String?
    /// The p-value after its family's correction; absent when the metric was not tested.
    public var adjustedPValue: Double?
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
      windowS: comparison.windowSeconds, minimumWindows: settings.minimumWindows,
      thresholdPct: settings.practicalThreshold * 100, alpha: settings.alpha,
      blockLength: settings.blockLength, resamples: settings.resamples, seed: settings.seed,
      windowBasis: comparison.windowBasis.rawValue, primaryCorrection: settings.primaryCorrection.rawValue,
      secondaryCorrection: settings.secondaryCorrection.rawValue)
    metrics = comparison.metrics.map { metric in
      Metric(
        scope: metric.scope, metric: metric.metric.rawValue, baselineWindows: metric.baselineWindows,
        candidateWindows: metric.candidateWindows,
        baselineMean: metric.baselineMean.map { NumberFormat.rounded($0, places: 2) },
        candidateMean: metric.candidateMean.map { NumberFormat.rounded($0, places: 2) },
        changePct: pct(metric.change), ciLowPct: pct(metric.changeInterval?.lowerBound),
        ciHighPct: pct(metric.changeInterval?.upperBound),
        pValue: metric.pValue.map(Self.probability), verdict: metric.verdict.rawValue,
        family: metric.family.rawValue, pMethod: metric.test?.rawValue,
        adjustedPValue: metric.adjustedPValue.map(Self.probability))
    }
    notes = comparison.notes
  }

  /// Four decimals, or four significant digits below 0.001, so that a p of 1e-10 keeps its size.
  package static func probability(_ p: Double) -> Double {
    guard p > 0, p < 1e-3, p.isFinite else { return NumberFormat.rounded(p, places: 4) }
    let scale = pow(10, 3 - (log10(p)).rounded(.down))
    return (p * scale).rounded() / scale
  }
}
