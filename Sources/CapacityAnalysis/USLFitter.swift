import CapacityModel
import Dispatch
import Foundation
import Synchronization

/// Fits the USL by bounded nonlinear least squares on throughput residuals: σ, κ ∈ [0, 1], λ > 0,
/// started from R `usl`'s values (λ₀ = max X/N, σ₀ = 0.01, κ₀ = 1e-4) and from usl4j's (σ₀ = 0.1,
/// κ₀ = 0.01); the lower cost wins. Pure and deterministic: the bootstrap uses a seeded generator.
public struct USLFitter: Sendable {
  /// Fewer distinct user counts than this give no fit (R `usl` warns, usl4j throws).
  public static let minimumDistinctUsers = 6
  public var bootstrapReplicates: Int
  public var seed: UInt64

  public init(bootstrapReplicates: Int = 1_000, seed: UInt64 = 20_111_129) {
    self.bootstrapReplicates = bootstrapReplicates
    self.seed = seed
  }

  /// The fit with standard errors, 95 % intervals and the bootstrap interval of N*; `nil` with
  /// fewer than `minimumDistinctUsers` distinct N or when no start converges.
  public func fit(_ points: [USLFit.Point]) -> USLFit? {
    let points = points.filter { $0.users > 0 && $0.throughput.isFinite }
      .sorted { ($0.users, $0.throughput) < ($1.users, $1.throughput) }
    let key = FitKey(
      users: points.map(\.users), throughput: points.map(\.throughput), replicates: bootstrapReplicates,
      seed: seed)
    if let made = Self.made.withLock({ $0[key] }) { return made }
    let fit = fitSorted(points)
    Self.made.withLock { made in
      if made.count >= Self.madeLimit { made.removeAll() }
      made[key] = fit
    }
    return fit
  }

  /// The inputs of a fit. The planning steps and the report each ask for the fits of the same
  /// series (up to five times a run when a deployment is sized), and the bootstrap is most of an
  /// analysis; a fit is a pure function of these, so one made before is returned as it was.
  private struct FitKey: Hashable {
    var users: [Double]
    var throughput: [Double]
    var replicates: Int
    var seed: UInt64
  }

  private static let madeLimit = 1_024
  private static let made = Mutex<[FitKey: USLFit?]>([:])

  private func fitSorted(_ points: [USLFit.Point]) -> USLFit? {
    guard Set(points.map(\.users)).count >= Self.minimumDistinctUsers,
      let (model, cost, start) = Self.estimate(points)
    else { return nil }
    let df = points.count - 3
    let jacobian = points.map { model.gradient(at: $0.users) }
    var normal = [[Double]](repeating: [0, 0, 0], count: 3)
    for row in jacobian {
      for p in 0..<3 { for q in 0..<3 { normal[p][q] += row[p] * row[q] } }
    }
    let variance = cost / Double(df)
    let covariance = BoundedLeastSquares.inverse(normal)
    let t = StudentT.quantile(0.975, degreesOfFreedom: Double(df))
    func estimate(_ index: Int, _ value: Double) -> USLFit.Estimate {
      let se = covariance.map { max($0[index][index], 0) * variance }.map { $0.squareRoot() } ?? .nan
      return USLFit.Estimate(value: value, standardError: se, lower: value - t * se, upper: value + t * se)
    }
    let kappa = estimate(1, model.kappa)
    let replicates = bootstrap(points, model: model)
    let (peakLower, peakUpper) = peakInterval(replicates)
    let retrograde = kappa.lower > 0
    return USLFit(
      model: model, sigma: estimate(0, model.sigma), kappa: kappa, lambda: estimate(2, model.lambda),
      points: points, residualSumOfSquares: cost, degreesOfFreedom: df, start: start,
      peakUsers: model.peakUsers, peakUsersLower: peakLower, peakUsersUpper: peakUpper,
      peakThroughput: model.peakThroughput, roofThroughput: model.roofThroughput,
      bootstrapReplicates: replicates.count, bootstrapSeed: seed,
      band: band(points, models: replicates), retrogradeObserved: retrograde,
      notes: notes(points, model: model, retrograde: retrograde))
  }

  /// The least-squares point estimate alone (no uncertainty); needs 3 distinct N.
  public static func estimate(_ points: [USLFit.Point]) -> (USLModel, Double, USLFit.Start)? {
    guard Set(points.map(\.users)).count >= 3 else { return nil }
    let lambda0 = points.map { $0.throughput / $0.users }.max() ?? 1
    let starts: [(USLFit.Start, [Double])] = [
      (.rUSL, [0.01, 1e-4, lambda0]), (.usl4j, [0.1, 0.01, lambda0]),
    ]
    var best: (USLModel, Double, USLFit.Start)?
    for (name, start) in starts {
      guard let (model, cost) = solve(points, from: start) else { continue }
      if best == nil || cost < best!.1 * (1 - 1e-9) { best = (model, cost, name) }
    }
    return best
  }

  package static func solve(_ points: [USLFit.Point], from start: [Double]) -> (USLModel, Double)? {
    func model(_ theta: UnsafeBufferPointer<Double>) -> USLModel {
      USLModel(sigma: theta[0], kappa: theta[1], lambda: theta[2])
    }
    let problem = BoundedLeastSquares(
      observations: points.count,
      residuals: { theta, residuals in
        let m = model(theta)
        for (index, point) in points.enumerated() {
          residuals[index] = m.throughput(at: point.users) - point.throughput
        }
      },
      jacobian: { theta, rows in
        let m = model(theta)
        for (index, point) in points.enumerated() {
          let row = m.gradientComponents(at: point.users)
          (rows[3 * index], rows[3 * index + 1], rows[3 * index + 2]) = (row.sigma, row.kappa, row.lambda)
        }
      },
      lower: [0, 0, 1e-12], upper: [1, 1, .infinity])
    let solution = problem.minimize(from: start)
    guard solution.cost.isFinite else { return nil }
    return (solution.parameters.withUnsafeBufferPointer(model), solution.cost)
  }

  /// Residual bootstrap: refit fitted + resampled residuals, `bootstrapReplicates` times. The
  /// resamples are drawn in one seeded sequence first, then refitted on all cores; each replicate
  /// keeps its slot, so the result is the same as a serial loop's on any number of cores.
  private func bootstrap(_ points: [USLFit.Point], model: USLModel) -> [USLModel] {
    var generator = SeededGenerator(seed: seed)
    let fitted = points.map { model.throughput(at: $0.users) }
    let residuals = zip(points, fitted).map { $0.throughput - $1 }
    let start = [model.sigma, model.kappa, model.lambda]
    let picks = (0..<bootstrapReplicates * points.count).map { _ in
      Int.random(in: 0..<residuals.count, using: &generator)
    }
    var replicates = [USLModel?](repeating: nil, count: bootstrapReplicates)
    let chunks = min(bootstrapReplicates, 4 * ProcessInfo.processInfo.activeProcessorCount)
    replicates.withUnsafeMutableBufferPointer { slots in
      let output = Unchecked(value: slots)
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for replicate in stride(from: chunk, to: bootstrapReplicates, by: chunks) {
          let offset = replicate * points.count
          let sample = points.indices.map { index in
            USLFit.Point(
              users: points[index].users, throughput: fitted[index] + residuals[picks[offset + index]])
          }
          output.value[replicate] = Self.solve(sample, from: start)?.0
        }
      }
    }
    return replicates.compactMap { $0 }
  }

  /// 2.5 % and 97.5 % percentiles of N*; replicates without κ count as N* = ∞.
  private func peakInterval(_ models: [USLModel]) -> (Double?, Double?) {
    guard !models.isEmpty else { return (nil, nil) }
    let peaks = models.map { $0.peakUsers ?? .infinity }.sorted()
    let low = Self.percentile(peaks, 0.025)
    let high = Self.percentile(peaks, 0.975)
    return (low.isFinite ? low : nil, high.isFinite ? high : nil)
  }

  private func band(_ points: [USLFit.Point], models: [USLModel]) -> [USLFit.BandPoint] {
    guard let top = points.last?.users, !models.isEmpty else { return [] }
    let steps = 48
    return (0...steps).map { index in
      let users = max(1, top * 1.1 * Double(index) / Double(steps))
      let values = models.map { $0.throughput(at: users) }.sorted()
      return USLFit.BandPoint(
        users: users, lower: Self.percentile(values, 0.025), upper: Self.percentile(values, 0.975))
    }
  }

  /// Linear interpolation between closest ranks on sorted values.
  package static func percentile(_ sorted: [Double], _ quantile: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let position = quantile * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    let fraction = position - Double(lower)
    if fraction == 0 || sorted[lower] == sorted[upper] { return sorted[lower] }
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
  }

  private func notes(_ points: [USLFit.Point], model: USLModel, retrograde: Bool) -> [String] {
    var notes: [String] = []
    if !retrograde {
      notes.append(
        "κ's 95 % interval includes 0: no retrograde region observed, so X_roof = λ/σ is the "
          + "better ceiling than N*.")
    }
    if let peak = model.peakUsers, let top = points.last?.users, top < 0.8 * peak {
      notes.append(
        "No step reaches 0.8·N* (\(NumberFormat.decimal(0.8 * peak, places: 0)) users): κ and N* "
          + "are extrapolated.")
    }
    if let first = points.first, first.throughput / first.users > model.lambda * 1.0001 {
      notes.append(
        "The lightest step is more efficient than the fitted λ (C(N)/N > 1): check for warm caches "
          + "or a too-short first step.")
    }
    return notes
  }
}
