import Foundation

/// Gunther's Universal Scalability Law: X(N) = λN / (1 + σ(N−1) + κN(N−1)).
///
/// σ is contention, κ coherency (crosstalk), λ the throughput of one user (CAPACITY-MATH.md §1.1).
public struct USLModel: Sendable, Equatable, Codable {
  public var sigma: Double
  public var kappa: Double
  public var lambda: Double

  public init(sigma: Double, kappa: Double, lambda: Double) {
    self.sigma = sigma
    self.kappa = kappa
    self.lambda = lambda
  }

  /// The denominator D(N) = 1 + σ(N−1) + κN(N−1).
  public func denominator(at users: Double) -> Double {
    1 + sigma * (users - 1) + kappa * users * (users - 1)
  }

  /// Throughput at `users`.
  public func throughput(at users: Double) -> Double {
    lambda * users / denominator(at: users)
  }

  /// Partial derivatives of X(N) with respect to (σ, κ, λ): the Jacobian row of a least-squares fit.
  package func gradient(at users: Double) -> [Double] {
    let row = gradientComponents(at: users)
    return [row.sigma, row.kappa, row.lambda]
  }

  /// `gradient(at:)` without an array, for the fit's Jacobian.
  package func gradientComponents(at users: Double) -> (sigma: Double, kappa: Double, lambda: Double) {
    let d = denominator(at: users)
    let x = lambda * users / d
    return (-x * (users - 1) / d, -x * users * (users - 1) / d, users / d)
  }

  /// Peak concurrency N* = √((1−σ)/κ) (GCaP eq. 4.33); `nil` without a retrograde term (κ = 0).
  public var peakUsers: Double? {
    kappa > 0 ? ((1 - sigma) / kappa).squareRoot() : nil
  }

  /// Throughput at N*; `nil` when κ = 0.
  public var peakThroughput: Double? { peakUsers.map(throughput(at:)) }

  /// The Amdahl ceiling λ/σ (`limit.scalability`); `nil` when σ = 0.
  public var roofThroughput: Double? { sigma > 0 ? lambda / sigma : nil }

  /// dX/dN = λ(1−σ−κN²)/D(N)².
  public func marginalGain(at users: Double) -> Double {
    let d = denominator(at: users)
    return lambda * (1 - sigma - kappa * users * users) / (d * d)
  }
}
