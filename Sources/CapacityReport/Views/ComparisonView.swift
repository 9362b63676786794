import CapacityAnalysis
import CapacityModel
import Foundation

/// What the comparison templates see: pre-formatted strings only.
public struct ComparisonView: Sendable {
  public var baseline: String
  public var candidate: String
  public var verdict: String
  public var verdictClass: String
  public var method: String
  public var rows: [Row]
  public var notes: [String]

  public struct Row: Sendable {
    public var scope: String
    public var metric: String
    public var baseline: String
    public var candidate: String
    public var change: String
    public var interval: String
    /// The U test's own p, and the p after its family's correction.
    public var pValue: String
    public var adjustedPValue: String
    /// `overall` rows: `primary`; endpoint rows: `secondary`.
    public var family: String
    public var windows: String
    public var verdict: String
    public var verdictClass: String
  }

  package init(_ document: ComparisonDocument) {
    func describe(_ run: ComparisonDocument.RunRef) -> String {
      "\(run.name) (\(run.id.prefix(12)), \(run.startedAt ?? "start unknown"))"
    }
    func signed(_ value: Double?) -> String {
      guard let value else { return "–" }
      return (value > 0 ? "+" : "") + NumberFormat.decimal(value, places: 1) + " %"
    }
    func number(_ value: Double?) -> String { value.map { NumberFormat.decimal($0, places: 1) } ?? "–" }
    baseline = describe(document.baseline)
    candidate = describe(document.candidate)
    verdict = document.verdict
    verdictClass = Self.cssClass(document.verdict)
    let settings = document.settings
    method = Self.method(settings)
    rows = document.metrics.map { metric in
      Row(
        scope: metric.scope, metric: metric.metric, baseline: number(metric.baselineMean),
        candidate: number(metric.candidateMean), change: signed(metric.changePct),
        interval: metric.ciLowPct.map { low in "\(signed(low)) … \(signed(metric.ciHighPct))" } ?? "–",
        pValue: Self.probability(metric.pValue, method: metric.pMethod),
        adjustedPValue: Self.probability(metric.adjustedPValue, method: nil), family: metric.family,
        windows: "\(metric.baselineWindows) / \(metric.candidateWindows)", verdict: metric.verdict,
        verdictClass: Self.cssClass(metric.verdict))
    }
    notes = document.notes
  }

  private static func method(_ settings: ComparisonDocument.Settings) -> String {
    let windows =
      settings.windowBasis == WindowBasis.requests.rawValue
      ? "\(settings.windowS) s windows of every request at full load (windows, not single requests, "
        + "because consecutive latencies are autocorrelated and would make a per-request test "
        + "anticonservative)"
      : "\(settings.windowS) s windows of the tool's history at full load"
    return windows + "; per window p50, p95 and throughput; two-sided Mann-Whitney U, exact "
      + "(permutation distribution of the mid-ranks, so ties are handled exactly) up to "
      + "\(MannWhitneyU.exactLimit) windows in all, else normal approximation with tie correction; "
      + "the overall metrics are one family corrected with Holm–Bonferroni and alone decide the verdict "
      + "and exit status, the per-endpoint rows a second family corrected with Benjamini–Hochberg "
      + "(α = \(NumberFormat.decimal(settings.alpha, places: 2)) each); moving-block bootstrap 95 % CI "
      + "of the relative change of the mean (block \(settings.blockLength) windows, "
      + "\(settings.resamples) resamples, seed \(settings.seed)); a regression needs the adjusted "
      + "p < α, the CI to exclude 0 and a change of at least "
      + "\(NumberFormat.decimal(settings.thresholdPct, places: 0)) %; fewer than "
      + "\(settings.minimumWindows) windows is inconclusive."
  }

  /// `0.0123`, or `2.1e-10` below 0.001; an exact p is marked `(exact)`.
  package static func probability(_ p: Double?, method: String?) -> String {
    guard let p else { return "–" }
    let suffix = method == MannWhitneyU.Method.exact.rawValue ? " (exact)" : ""
    guard p > 0, p < 1e-3 else { return NumberFormat.decimal(p, places: 4) + suffix }
    var exponent = log10(p).rounded(.down)
    var mantissa = (p / pow(10, exponent) * 10).rounded() / 10
    if mantissa >= 10 {
      mantissa /= 10
      exponent += 1
    }
    return NumberFormat.decimal(mantissa, places: 1) + "e" + String(Int(exponent)) + suffix
  }

  private static func cssClass(_ verdict: String) -> String {
    switch verdict {
    case ComparisonVerdict.regression.rawValue: "bad"
    case ComparisonVerdict.improvement.rawValue: "good"
    case ComparisonVerdict.inconclusive.rawValue: "warn"
    default: "none"
    }
  }
}
