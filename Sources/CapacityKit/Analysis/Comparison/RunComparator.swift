/// Compares a candidate run with a baseline, window by window (DESIGN.md §3 "Comparison").
///
/// Requests within a run are autocorrelated, so the tests run on 10 s windows, not on requests:
/// a Mann-Whitney U test for significance and a moving-block bootstrap CI for the size of the
/// change. A metric regresses only when the CI excludes 0 and the change is at least the practical
/// threshold.
public struct RunComparator: Sendable {
  public var settings: ComparisonSettings

  public init(settings: ComparisonSettings = ComparisonSettings()) {
    self.settings = settings
  }

  public func compare(baseline: Run, candidate: Run) -> RunComparison {
    var generator = SeededGenerator(seed: settings.seed)
    // Only Locust's full history carries percentiles per window; a cumulative history or a raw
    // log's per-step p95 would be compared as if it were, so latency is left out for those.
    let windowed = baseline.historyKind == .currentWindow && candidate.historyKind == .currentWindow
    var metrics = compare(
      scope: "overall", baseline: baseline.timeline, candidate: candidate.timeline, windowed: windowed,
      using: &generator)
    let candidateEndpoints = Dictionary(
      candidate.endpointTimelines.map { ("\($0.method) \($0.name)", $0) },
      uniquingKeysWith: { first, _ in first })
    for endpoint in baseline.endpointTimelines {
      let scope = "\(endpoint.method) \(endpoint.name)"
      guard let other = candidateEndpoints[scope] else { continue }
      metrics += compare(
        scope: scope, baseline: endpoint.points, candidate: other.points, windowed: windowed,
        using: &generator)
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
        "Latency is compared only on Locust runs recorded with --csv-full-history (percentiles per "
          + "window); for other runs (a cumulative Locust history, raw request logs) only throughput is "
          + "compared.")
    }
    let verdict = metrics.filter { $0.scope == "overall" }.map(\.verdict).max() ?? .inconclusive
    let worst = metrics.map(\.verdict).max() ?? .inconclusive
    return RunComparison(
      baseline: baseline, candidate: candidate, metrics: metrics,
      verdict: worst == .regression ? .regression : verdict, notes: notes)
  }

  private func compare(
    scope: String, baseline: [TimelinePoint], candidate: [TimelinePoint], windowed: Bool,
    using generator: inout SeededGenerator
  ) -> [MetricComparison] {
    let baseWindows = MetricWindow.windows(of: baseline, seconds: settings.windowSeconds)
    let candidateWindows = MetricWindow.windows(of: candidate, seconds: settings.windowSeconds)
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
      guard let interval, interval.lowerBound > 0 || interval.upperBound < 0,
        abs(change) >= settings.practicalThreshold
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
