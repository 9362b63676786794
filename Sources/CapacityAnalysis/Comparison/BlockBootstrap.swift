/// Moving-block bootstrap confidence interval for the relative change of a mean between two
/// series of consecutive windows. Blocks keep the windows' autocorrelation inside each resample.
public struct BlockBootstrap: Sendable {
  /// Consecutive windows per block.
  public var blockLength = 3
  public var resamples = 10_000
  /// Two-sided confidence level.
  public var confidence = 0.95

  public init(blockLength: Int = 3, resamples: Int = 10_000, confidence: Double = 0.95) {
    self.blockLength = blockLength
    self.resamples = resamples
    self.confidence = confidence
  }

  /// Percentile CI of (mean(candidate) − mean(baseline)) ÷ mean(baseline); `nil` when a series is
  /// empty or the baseline mean is zero.
  public func relativeChangeInterval(
    baseline: [Double], candidate: [Double], using generator: inout some RandomNumberGenerator
  ) -> ClosedRange<Double>? {
    guard !baseline.isEmpty, !candidate.isEmpty, mean(baseline) != 0 else { return nil }
    var changes: [Double] = []
    changes.reserveCapacity(resamples)
    for _ in 0..<resamples {
      let base = mean(resample(baseline, using: &generator))
      guard base != 0 else { continue }
      changes.append((mean(resample(candidate, using: &generator)) - base) / base)
    }
    guard !changes.isEmpty else { return nil }
    changes.sort()
    let tail = (1 - confidence) / 2
    return Self.quantile(changes, tail)...Self.quantile(changes, 1 - tail)
  }

  /// One resample of `series`: blocks of `blockLength` starting at uniform positions, concatenated
  /// and cut to the original length.
  package func resample(_ series: [Double], using generator: inout some RandomNumberGenerator) -> [Double] {
    let length = min(blockLength, series.count)
    let starts = series.count - length + 1
    var result: [Double] = []
    result.reserveCapacity(series.count + length)
    while result.count < series.count {
      let start = Int.random(in: 0..<starts, using: &generator)
      result.append(contentsOf: series[start..<(start + length)])
    }
    return Array(result.prefix(series.count))
  }

  private func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

  /// R-7 quantile of sorted values.
  package static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    let position = p * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
  }
}
