import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityModel

@Suite struct USLFitTests {
  /// R `usl`'s bundled `specsdm91` (Gunther, GCaP 2007: SPEC SDM91 on a 16-CPU SPARCcenter 2000).
  static let specsdm91: [USLFit.Point] = zip(
    [1.0, 18, 36, 72, 108, 144, 216], [64.9, 995.9, 1652.4, 1853.2, 1828.9, 1775.0, 1702.2]
  ).map { USLFit.Point(users: $0, throughput: $1) }

  /// R `usl`'s bundled `raytracer` (GCaP 2007, ray-tracing benchmark by processors).
  static let raytracer: [USLFit.Point] = zip(
    [1.0, 4, 8, 12, 16, 20, 24, 28, 32, 48, 64], [20.0, 78, 130, 170, 190, 200, 210, 230, 260, 280, 310]
  ).map { USLFit.Point(users: $0, throughput: $1) }

  let fitter = USLFitter(bootstrapReplicates: 200, seed: 7)

  /// R usl 2.x tests/fitted.Rout.save: `fitted(usl(throughput ~ load, specsdm91))` prints
  /// 90 1078 1541 1850 1879 1822 1646. Coefficients from Fixtures/usl/reference_fits.py
  /// (scipy.optimize.least_squares, TRF, same bounds and starts): σ = 0.02772841416,
  /// κ = 0.000104365772, λ = 89.99518361, SE 0.0091218 / 1.98767e-05 / 14.2135, N* = 96.51943075.
  @Test func specsdm91MatchesRAndScipy() throws {
    let fit = try #require(fitter.fit(Self.specsdm91))
    #expect(abs(fit.model.sigma - 0.02772841416) < 1e-6)
    #expect(abs(fit.model.kappa - 0.000104365772) < 1e-9)
    #expect(abs(fit.model.lambda - 89.99518361) < 1e-3)
    #expect(abs(fit.residualSumOfSquares - 27453.71959) < 1e-2)
    let fitted = Self.specsdm91.map { fit.model.throughput(at: $0.users).rounded() }
    #expect(fitted == [90, 1078, 1541, 1850, 1879, 1822, 1646])
    #expect(abs(fit.sigma.standardError - 0.0091218) < 1e-6)
    #expect(abs(fit.kappa.standardError - 1.98767e-05) < 1e-8)
    #expect(abs(fit.lambda.standardError - 14.2135) < 1e-3)
    // Two-sided 95 %: t(0.975, 4) = 2.776445105 (scipy.stats.t.ppf).
    #expect(abs((fit.sigma.upper - fit.sigma.value) / fit.sigma.standardError - 2.776445105) < 1e-6)
    #expect(abs((fit.peakUsers ?? 0) - 96.51943075) < 1e-3)
    #expect(fit.degreesOfFreedom == 4)
  }

  /// R usl tests/confint.Rout.save on `raytracer`: coef α = 0.0578, β = 0.0000, γ = 21.8488 and
  /// confint α 0.033677…0.081864, β ±0.000214 — R uses qt(0.95, n − 1 = 10) = 1.812461, so
  /// SE(α) = 0.024094 / 1.812461 = 0.013293 and SE(β) = 0.000214 / 1.812461 = 0.000118.
  /// scipy (reference_fits.py): σ = 0.05777078115, κ = 0 (at its bound), λ = 21.84884296.
  @Test func raytracerMatchesRWithKappaAtItsBound() throws {
    let fit = try #require(fitter.fit(Self.raytracer))
    #expect(abs(fit.model.sigma - 0.05777078115) < 1e-6)
    #expect(fit.model.kappa < 1e-9)
    #expect(abs(fit.model.lambda - 21.84884296) < 1e-4)
    #expect(abs(fit.sigma.standardError - 0.013293) < 2e-6)
    #expect(abs(fit.kappa.standardError - 0.000118) < 1e-6)
    #expect(abs(fit.lambda.standardError - 2.19617) < 1e-4)
    // κ's interval includes 0: no retrograde region, so the roof, not N*, is the ceiling.
    #expect(!fit.retrogradeObserved)
    #expect(abs((fit.roofThroughput ?? 0) - 21.84884296 / 0.05777078115) < 0.01)
    #expect(fit.peakUsersUpper == nil)
  }

  @Test func recoversKnownParametersFromNoisySyntheticData() throws {
    let truth = USLModel(sigma: 0.05, kappa: 0.0005, lambda: 10)
    var generator = SeededGenerator(seed: 42)
    let users: [Double] = [1, 5, 10, 20, 30, 40, 60, 80, 100, 150]
    let points = users.map { n in
      // Box–Muller: 2 % Gaussian noise.
      let u1 = Double.random(in: Double.ulpOfOne..<1, using: &generator)
      let u2 = Double.random(in: 0..<1, using: &generator)
      let z = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
      return USLFit.Point(users: n, throughput: truth.throughput(at: n) * (1 + 0.02 * z))
    }
    let fit = try #require(USLFitter(bootstrapReplicates: 300, seed: 1).fit(points))
    #expect(fit.sigma.lower <= 0.05 && 0.05 <= fit.sigma.upper)
    #expect(fit.kappa.lower <= 0.0005 && 0.0005 <= fit.kappa.upper)
    #expect(fit.lambda.lower <= 10 && 10 <= fit.lambda.upper)
    #expect(fit.retrogradeObserved)
    let truePeak = try #require(truth.peakUsers)
    let low = try #require(fit.peakUsersLower)
    let high = try #require(fit.peakUsersUpper)
    #expect(low <= truePeak && truePeak <= high)
  }

  @Test func bootstrapIsReproducibleForASeed() throws {
    let a = try #require(fitter.fit(Self.specsdm91))
    let b = try #require(fitter.fit(Self.specsdm91))
    #expect(a == b)
    #expect(a.bootstrapReplicates == 200)
  }

  /// Fits are remembered by their inputs (points, replicates, seed): a fit asked again with
  /// another seed or replicate count is a new bootstrap, not the one made first.
  @Test func aRememberedFitIsOnlyReturnedForTheSameInputs() throws {
    let first = try #require(fitter.fit(Self.specsdm91))
    let reseeded = try #require(USLFitter(bootstrapReplicates: 200, seed: 8).fit(Self.specsdm91))
    let fewer = try #require(USLFitter(bootstrapReplicates: 50, seed: 7).fit(Self.specsdm91))
    #expect(reseeded.bootstrapSeed == 8)
    #expect(
      reseeded.peakUsersLower != first.peakUsersLower || reseeded.peakUsersUpper != first.peakUsersUpper)
    #expect(fewer.bootstrapReplicates == 50)
    #expect(reseeded.model == first.model)
    let moved = Self.specsdm91.map { USLFit.Point(users: $0.users, throughput: $0.throughput * 2) }
    let doubled = try #require(fitter.fit(moved))
    #expect(abs(doubled.model.lambda - 2 * first.model.lambda) < 1e-3)
  }

  @Test func fewerThanSixDistinctUserCountsGiveNoFit() {
    #expect(fitter.fit(Array(Self.specsdm91.prefix(5))) == nil)
  }

  @Test func forecastFromTheLowerHalfPredictsTheUpperHalf() throws {
    let forecast = try #require(USLForecast.check(Self.raytracer))
    #expect(forecast.fittedUsers == [1, 4, 8, 12, 16])
    #expect(forecast.predictions.map(\.users) == [20, 24, 28, 32, 48, 64])
    #expect(forecast.meanAbsoluteError > 0 && forecast.meanAbsoluteError < 0.5)
  }

  @Test func studentTQuantilesMatchScipy() {
    // scipy.stats.t.ppf(0.975, df) for df = 1, 4, 10, 30.
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 1) - 12.70620474) < 1e-6)
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 4) - 2.776445105) < 1e-8)
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 10) - 2.228138852) < 1e-8)
    #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 30) - 2.042272456) < 1e-8)
  }
}
