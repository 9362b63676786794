import Foundation

/// Bounded nonlinear least squares for a handful of parameters: Levenberg–Marquardt with an active
/// set (a parameter held at a bound while the gradient pushes it outwards is frozen for that step)
/// and steps clipped into the box. Deterministic; converges to the same bounded minimum as
/// `scipy.optimize.least_squares(method="trf")` on the small, smooth problems it is used for.
package struct BoundedLeastSquares {
  /// Residuals r(θ) and the Jacobian ∂r/∂θ, flat and row-major: one row of θ's count per
  /// residual. One array per evaluation, not one per row: the USL bootstrap evaluates it about a
  /// million times, and per-row arrays made malloc and free its largest cost.
  package var residuals: ([Double]) -> [Double]
  package var jacobian: ([Double]) -> [Double]
  package var lower: [Double]
  package var upper: [Double]
  package var maxIterations = 5_000
  package var tolerance = 1e-12

  package struct Solution {
    package var parameters: [Double]
    package var cost: Double
    package var iterations: Int
    package var converged: Bool
  }

  package func minimize(from start: [Double]) -> Solution {
    var theta = clip(start)
    var r = residuals(theta)
    var cost = Self.sumOfSquares(r)
    var damping = 1e-3
    var converged = false
    var iteration = 0
    while iteration < maxIterations {
      iteration += 1
      let (g, a) = Self.normalEquations(jacobian(theta), r, count: theta.count)
      // Active set: at a bound with the descent direction (−g) pointing out of the box.
      let free = (0..<theta.count).filter { p in
        !((theta[p] <= lower[p] && g[p] > 0) || (theta[p] >= upper[p] && g[p] < 0))
      }
      let gradientNorm = free.map { abs(g[$0]) }.max() ?? 0
      if gradientNorm <= tolerance * max(1, cost) {
        converged = true
        break
      }
      guard let step = dampedStep(from: theta, cost: cost, g: g, a: a, free: free, damping: &damping) else {
        converged = true
        break
      }
      theta = step.theta
      r = step.residuals
      cost = step.cost
      if step.converged {
        converged = true
        break
      }
    }
    return Solution(parameters: theta, cost: cost, iterations: iteration, converged: converged)
  }

  /// g = Jᵀr and A = JᵀJ, for `count` parameters and the flat row-major Jacobian `j`. Summed in
  /// flat buffers (nested arrays cost a uniqueness check per `+=`), row by row as before, so the
  /// sums are the same to the last bit.
  private static func normalEquations(_ j: [Double], _ r: [Double], count: Int) -> (
    g: [Double], a: [[Double]]
  ) {
    precondition(j.count == r.count * count, "one Jacobian row per residual")
    var g = [Double](repeating: 0, count: count)
    var a = [Double](repeating: 0, count: count * count)
    j.withUnsafeBufferPointer { rows in
      g.withUnsafeMutableBufferPointer { g in
        a.withUnsafeMutableBufferPointer { a in
          for (index, residual) in r.enumerated() {
            let row = index * count
            for p in 0..<count {
              g[p] += rows[row + p] * residual
              for q in p..<count { a[p * count + q] += rows[row + p] * rows[row + q] }
            }
          }
        }
      }
    }
    // A is symmetric and a product commutes exactly, so the lower half is the upper's mirror.
    return (g, (0..<count).map { p in (0..<count).map { q in a[min(p, q) * count + max(p, q)] } })
  }

  /// One Levenberg–Marquardt step on the `free` parameters: the damping rises tenfold until a step
  /// (clipped into the box) does not raise the cost, then falls tenfold for the next; `converged`
  /// when the step or the cost's reduction is below the tolerance. `nil` when no damping below
  /// 1e16 finds such a step.
  private func dampedStep(
    from theta: [Double], cost: Double, g: [Double], a: [[Double]], free: [Int], damping: inout Double
  ) -> (theta: [Double], residuals: [Double], cost: Double, converged: Bool)? {
    while damping < 1e16 {
      var system = free.map { p in free.map { q in a[p][q] } }
      for k in free.indices { system[k][k] += damping * max(a[free[k]][free[k]], 1e-300) }
      guard let delta = Self.solve(system, free.map { -g[$0] }) else {
        damping *= 10
        continue
      }
      var candidate = theta
      for (k, p) in free.enumerated() { candidate[p] += delta[k] }
      candidate = clip(candidate)
      let candidateResiduals = residuals(candidate)
      let candidateCost = Self.sumOfSquares(candidateResiduals)
      if candidateCost.isFinite, candidateCost <= cost {
        let step = zip(candidate, theta).map { abs($0 - $1) / max(abs($1), 1e-12) }.max() ?? 0
        let reduction = cost - candidateCost
        damping = max(damping / 10, 1e-15)
        let converged =
          step < tolerance || reduction <= tolerance * tolerance * max(candidateCost, 1e-300)
        return (candidate, candidateResiduals, candidateCost, converged)
      }
      damping *= 10
    }
    return nil
  }

  private func clip(_ theta: [Double]) -> [Double] {
    theta.indices.map { min(max(theta[$0], lower[$0]), upper[$0]) }
  }

  package static func sumOfSquares(_ values: [Double]) -> Double { values.reduce(0) { $0 + $1 * $1 } }

  /// Solves a small dense system by Gaussian elimination with partial pivoting; `nil` when singular.
  package static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
    let n = vector.count
    var m = matrix
    var b = vector
    for column in 0..<n {
      guard
        let pivot = (column..<n).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }),
        abs(m[pivot][column]) > 1e-300
      else { return nil }
      m.swapAt(column, pivot)
      b.swapAt(column, pivot)
      for row in (column + 1)..<n {
        let factor = m[row][column] / m[column][column]
        for k in column..<n { m[row][k] -= factor * m[column][k] }
        b[row] -= factor * b[column]
      }
    }
    var x = [Double](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      var sum = b[row]
      for k in (row + 1)..<n { sum -= m[row][k] * x[k] }
      x[row] = sum / m[row][row]
    }
    return x.allSatisfy(\.isFinite) ? x : nil
  }

  /// The inverse of a small symmetric matrix, column by column; `nil` when singular.
  package static func inverse(_ matrix: [[Double]]) -> [[Double]]? {
    let n = matrix.count
    var columns: [[Double]] = []
    for k in 0..<n {
      var unit = [Double](repeating: 0, count: n)
      unit[k] = 1
      guard let column = solve(matrix, unit) else { return nil }
      columns.append(column)
    }
    return (0..<n).map { row in (0..<n).map { columns[$0][row] } }
  }
}
