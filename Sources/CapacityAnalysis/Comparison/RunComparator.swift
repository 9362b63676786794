import CapacityModel

/// Compares a candidate run with a baseline, window by window (DESIGN.md §3 "Comparison").
///
/// Each metric of each scope gets a two-sided Mann-Whitney U test on its per-window values (exact
/// for small samples) and a moving-block bootstrap CI for the size of the change. The overall p50,
/// p95 and throughput are one family, corrected with Holm–Bonferroni, and alone decide the verdict;
/// the per-endpoint rows are a second family, corrected with Benjamini–Hochberg, shown but never
/// deciding. A metric regresses only when its adjusted p is below α, the CI excludes 0 and the
/// change is at least the practical threshold.
public struct RunComparator: Sendable {
  public var settings: ComparisonSettings

  public init(settings: ComparisonSettings = ComparisonSettings()) {
    self.settings = settings
  }

  public func compare(baseline: Run, candidate: Run) -> RunComparison {
    var generator = SeededGenerator(seed: settings.seed)
    let scopes = ComparedScopes(
      baseline: baseline, candidate: candidate, historyWindow: settings.windowSeconds)
    let compared = scopes.latency ? ComparedMetric.allCases : [.throughputRps]
    var metrics: [MetricComparison] = []
    for scope in scopes.scopes {
      for metric in compared { metrics.append(measure(metric, in: scope, using: &generator)) }
    }
    correct(&metrics, family: .primary, with: settings.primaryCorrection)
    correct(&metrics, family: .secondary, with: settings.secondaryCorrection)
    for index in metrics.indices { metrics[index].verdict = verdict(of: metrics[index]) }
    return RunComparison(
      baseline: baseline, candidate: candidate, metrics: metrics,
      verdict: metrics.filter { $0.family == .primary }.map(\.verdict).max() ?? .inconclusive,
      windowBasis: scopes.basis, windowSeconds: scopes.windowSeconds,
      notes: notes(baseline: baseline, candidate: candidate, scopes: scopes, metrics: metrics))
  }

  /// Means, raw U test and bootstrap CI of one metric; the verdict waits for the correction.
  private func measure(
    _ metric: ComparedMetric, in scope: ComparedScopes.Scope, using generator: inout SeededGenerator
  ) -> MetricComparison {
    let base = scope.baseline.compactMap(metric.value(of:))
    let other = scope.candidate.compactMap(metric.value(of:))
    let test = MannWhitneyU(base, other)
    var result = MetricComparison(
      scope: scope.name, metric: metric, family: scope.family, baselineWindows: base.count,
      candidateWindows: other.count, baselineMean: mean(base), candidateMean: mean(other), change: nil,
      changeInterval: nil, pValue: test?.pValue, test: test?.method, adjustedPValue: nil,
      verdict: .inconclusive)
    guard base.count >= settings.minimumWindows, other.count >= settings.minimumWindows,
      let baseMean = result.baselineMean, let otherMean = result.candidateMean, baseMean != 0
    else { return result }
    result.change = (otherMean - baseMean) / baseMean
    result.changeInterval = BlockBootstrap(blockLength: settings.blockLength, resamples: settings.resamples)
      .relativeChangeInterval(baseline: base, candidate: other, using: &generator)
    return result
  }

  /// Adjusts the p-values of the tested metrics (enough windows, a change) of one family.
  private func correct(_ metrics: inout [MetricComparison], family: TestFamily, with method: MultipleTesting)
  {
    let tested = metrics.indices.filter {
      metrics[$0].family == family && metrics[$0].change != nil && metrics[$0].pValue != nil
    }
    let adjusted = method.adjust(tested.map { metrics[$0].pValue! })
    for (index, value) in zip(tested, adjusted) { metrics[index].adjustedPValue = value }
  }

  private func verdict(of metric: MetricComparison) -> ComparisonVerdict {
    guard let p = metric.adjustedPValue, let change = metric.change else { return .inconclusive }
    // Both must agree: with few windows the bootstrap alone is overconfident.
    guard let interval = metric.changeInterval, interval.lowerBound > 0 || interval.upperBound < 0,
      abs(change) >= settings.practicalThreshold, p < settings.alpha
    else { return .noSignificantChange }
    return (change > 0) == metric.metric.higherIsWorse ? .regression : .improvement
  }

  private func notes(
    baseline: Run, candidate: Run, scopes: ComparedScopes, metrics: [MetricComparison]
  ) -> [String] {
    var notes: [String] = []
    let baseUsers = baseline.timeline.map(\.users).max()
    let candidateUsers = candidate.timeline.map(\.users).max()
    if baseUsers != candidateUsers {
      notes.append(
        "The runs ran at different peak user counts (\(baseUsers.map(String.init) ?? "unknown") vs "
          + "\(candidateUsers.map(String.init) ?? "unknown")): the comparison is not like for like.")
    }
    if !scopes.latency {
      notes.append(
        "Latency is compared only where percentiles are kept per window (Locust with "
          + "--csv-full-history, raw request logs); a cumulative Locust history compares throughput only.")
    }
    let endpoints = metrics.filter { $0.family == .secondary }
    let flagged = endpoints.filter { $0.verdict == .regression || $0.verdict == .improvement }.count
    let rawOnly = endpoints.filter {
      ($0.pValue ?? 1) < settings.alpha && ($0.adjustedPValue ?? 1) >= settings.alpha
    }.count
    if flagged > 0 || rawOnly > 0 {
      notes.append(
        "Per endpoint: \(flagged) of \(endpoints.count) rows changed after the correction"
          + (rawOnly > 0 ? ", \(rawOnly) more had p < α before it (expected by chance over many tests)" : "")
          + "; endpoint rows do not decide the verdict.")
    }
    return notes
  }

  private func mean(_ values: [Double]) -> Double? {
    values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
  }
}
