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
    public var pValue: String
    public var windows: String
    public var verdict: String
    public var verdictClass: String
  }

  init(_ document: ComparisonDocument) {
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
    method =
      "\(settings.windowS) s windows at full load; two-sided Mann-Whitney U (α = "
      + "\(NumberFormat.decimal(settings.alpha, places: 2))); moving-block bootstrap 95 % CI of the "
      + "relative change of the mean (block \(settings.blockLength) windows, \(settings.resamples) "
      + "resamples, seed \(settings.seed)); a regression needs p < α, the CI to exclude 0 and a change of at "
      + "least \(NumberFormat.decimal(settings.thresholdPct, places: 0)) %; fewer than "
      + "\(settings.minimumWindows) windows is inconclusive."
    rows = document.metrics.map { metric in
      Row(
        scope: metric.scope, metric: metric.metric, baseline: number(metric.baselineMean),
        candidate: number(metric.candidateMean), change: signed(metric.changePct),
        interval: metric.ciLowPct.map { low in "\(signed(low)) … \(signed(metric.ciHighPct))" } ?? "–",
        pValue: metric.pValue.map { NumberFormat.decimal($0, places: 4) } ?? "–",
        windows: "\(metric.baselineWindows) / \(metric.candidateWindows)", verdict: metric.verdict,
        verdictClass: Self.cssClass(metric.verdict))
    }
    notes = document.notes
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
