import Foundation

/// Quantiles of Student's t distribution, for confidence intervals of fitted parameters.
package enum StudentT {
  /// The `probability` quantile with `degreesOfFreedom` (e.g. 0.975 for a two-sided 95 % interval).
  package static func quantile(_ probability: Double, degreesOfFreedom df: Double) -> Double {
    guard df > 0, probability > 0, probability < 1 else { return .nan }
    if probability == 0.5 { return 0 }
    if probability < 0.5 { return -quantile(1 - probability, degreesOfFreedom: df) }
    var low = 0.0
    var high = 1.0
    while cdf(high, degreesOfFreedom: df) < probability { high *= 2 }
    for _ in 0..<200 {
      let mid = (low + high) / 2
      if cdf(mid, degreesOfFreedom: df) < probability { low = mid } else { high = mid }
    }
    return (low + high) / 2
  }

  /// P(T ≤ t).
  package static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
    let x = df / (df + t * t)
    let tail = 0.5 * regularizedIncompleteBeta(x, a: df / 2, b: 0.5)
    return t >= 0 ? 1 - tail : tail
  }

  /// I_x(a, b) by Lentz's continued fraction (Numerical Recipes §6.4).
  package static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
    let logPowers: Double = a * log(x) + b * log(1 - x)
    let logFront = logBeta + logPowers
    if x < (a + 1) / (a + b + 2) {
      return exp(logFront) * continuedFraction(x, a: a, b: b) / a
    }
    return 1 - exp(logFront) * continuedFraction(1 - x, a: b, b: a) / b
  }

  private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...300 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      if abs(d) < tiny { d = tiny }
      c = 1 + even / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      if abs(d) < tiny { d = tiny }
      c = 1 + odd / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-15 { break }
    }
    return h
  }
}
