/// Compares a candidate run with a baseline, window by window (DESIGN.md §3 "Comparison").
///
/// Requests within a run are autocorrelated, so the tests run on 10 s windows, not on requests:
/// a Mann-Whitney U test for significance and a moving-block bootstrap CI for the size of the
/// change. A metric regresses only when the U test is significant, the CI excludes 0 and the
/// change is at least the practical threshold.
public struct RunComparator: Sendable {
  public var settings: ComparisonSettings

  public init(settings: ComparisonSettings = ComparisonSettings()) {
    self.settings = settings
  }

  public func compare(baseline: Run, candidate: Run) -> RunComparison {
    var generator = SeededGenerator(seed: settings.seed)
    // Latency needs percentiles per window: Locust's full history, or a raw log's window buckets.
    // A cumulative history would be compared as if it were windowed, so latency is left out there.
    let windowed = baseline.hasWindowedPercentiles && candidate.hasWindowedPercentiles
    var metrics = compare(
      scope: "overall", baseline: (baseline.timeline, baseline.historyKind),
      candidate: (candidate.timeline, candidate.historyKind), windowed: windowed, using: &generator)
    let candidateEndpoints = Dictionary(
      candidate.endpointTimelines.map { ("\($0.method) \($0.name)", $0) },
      uniquingKeysWith: { first, _ in first })
    for endpoint in baseline.endpointTimelines {
      let scope = "\(endpoint.method) \(endpoint.name)"
      guard let other = candidateEndpoints[scope] else { continue }
      metrics += compare(
        scope: scope, baseline: (endpoint.points, baseline.historyKind),
        candidate: (other.points, candidate.historyKind), windowed: windowed, using: &generator)
    }
    var notes: [String] = []
    let baseUsers = baseline.timeline.map(\.users).max()
    let candidateUsers = candidate.timeline.map(\.users).max()
    if baseUsers != candidateUsers {
      notes.append(
        "The runs ran at different peak user counts (\(baseUsers.map(String.init) ?? "unknown") vs "
          + "\(candidateUsers.map(String.init) ?? "unknown")): the comparison is not like for like.")
    }
    if !windowed {
      notes.append(
        "Latency is compared only where percentiles are kept per window (Locust with "
          + "--csv-full-history, raw request logs); a cumulative Locust history compares throughput only.")
    }
    let verdict = metrics.filter { $0.scope == "overall" }.map(\.verdict).max() ?? .inconclusive
    let worst = metrics.map(\.verdict).max() ?? .inconclusive
    return RunComparison(
      baseline: baseline, candidate: candidate, metrics: metrics,
      verdict: worst == .regression ? .regression : verdict, notes: notes)
  }

  private func compare(
    scope: String, baseline: (points: [TimelinePoint], kind: HistoryKind),
    candidate: (points: [TimelinePoint], kind: HistoryKind), windowed: Bool,
    using generator: inout SeededGenerator
  ) -> [MetricComparison] {
    let baseWindows = MetricWindow.windows(
      of: baseline.points, seconds: settings.windowSeconds, kind: baseline.kind)
    let candidateWindows = MetricWindow.windows(
      of: candidate.points, seconds: settings.windowSeconds, kind: candidate.kind)
    let metrics = windowed ? ComparedMetric.allCases : [.throughputRps]
    return metrics.map { metric in
      let base = baseWindows.compactMap(metric.value(of:))
      let other = candidateWindows.compactMap(metric.value(of:))
      var result = MetricComparison(
        scope: scope, metric: metric, baselineWindows: base.count, candidateWindows: other.count,
        baselineMean: mean(base), candidateMean: mean(other), change: nil, changeInterval: nil,
        pValue: MannWhitneyU(base, other)?.pValue, verdict: .inconclusive)
      guard base.count >= settings.minimumWindows, other.count >= settings.minimumWindows,
        let baseMean = result.baselineMean, let otherMean = result.candidateMean, baseMean != 0
      else { return result }
      let change = (otherMean - baseMean) / baseMean
      let bootstrap = BlockBootstrap(blockLength: settings.blockLength, resamples: settings.resamples)
      let interval = bootstrap.relativeChangeInterval(baseline: base, candidate: other, using: &generator)
      result.change = change
      result.changeInterval = interval
      // Both tests must agree: with few windows the bootstrap alone is overconfident.
      guard let interval, interval.lowerBound > 0 || interval.upperBound < 0,
        abs(change) >= settings.practicalThreshold, let p = result.pValue, p < settings.alpha
      else {
        result.verdict = .noSignificantChange
        return result
      }
      result.verdict = (change > 0) == metric.higherIsWorse ? .regression : .improvement
      return result
    }
  }

  private func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }
}
