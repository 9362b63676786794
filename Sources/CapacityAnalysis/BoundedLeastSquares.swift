import Foundation

/// Bounded nonlinear least squares for a handful of parameters: Levenberg–Marquardt with an active
/// set (a parameter held at a bound while the gradient pushes it outwards is frozen for that step)
/// and steps clipped into the box. Deterministic; converges to the same bounded minimum as
/// `scipy.optimize.least_squares(method="trf")` on the small, smooth problems it is used for.
package struct BoundedLeastSquares {
  /// Fills the residuals r(θ), one per observation, for the parameters θ.
  package typealias Residuals = (
    _ theta: UnsafeBufferPointer<Double>, _ into: UnsafeMutableBufferPointer<Double>
  ) -> Void
  /// Fills the Jacobian ∂r/∂θ, flat and row-major: one row of θ's count per residual.
  package typealias Jacobian = Residuals

  package var observations: Int
  package var residuals: Residuals
  package var jacobian: Jacobian
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

  /// Every buffer a minimisation needs, in one allocation: the USL bootstrap minimises a thousand
  /// times a fit, and an array per evaluation and per step made malloc and free its largest cost.
  private struct Workspace {
    let memory: UnsafeMutableBufferPointer<Double>
    let theta, candidate, g, a, system, rhs, delta: UnsafeMutableBufferPointer<Double>
    let r, candidateResiduals, j: UnsafeMutableBufferPointer<Double>
    let free: UnsafeMutableBufferPointer<Int>
    var freeCount = 0

    init(parameters k: Int, observations n: Int) {
      let sizes = [k, k, k, k * k, k * k, k, k, n, n, n * k]
      memory = .allocate(capacity: sizes.reduce(0, +))
      memory.initialize(repeating: 0)
      var parts: [UnsafeMutableBufferPointer<Double>] = []
      var start = 0
      for size in sizes {
        parts.append(UnsafeMutableBufferPointer(rebasing: memory[start..<(start + size)]))
        start += size
      }
      (theta, candidate, g, a, system, rhs, delta) = (
        parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]
      )
      (r, candidateResiduals, j) = (parts[7], parts[8], parts[9])
      free = .allocate(capacity: k)
      free.initialize(repeating: 0)
    }

    func deallocate() {
      memory.deallocate()
      free.deallocate()
    }
  }

  package func minimize(from start: [Double]) -> Solution {
    let k = start.count
    var work = Workspace(parameters: k, observations: observations)
    defer { work.deallocate() }
    for p in 0..<k { work.theta[p] = start[p] }
    clip(work.theta)
    residuals(UnsafeBufferPointer(work.theta), work.r)
    var cost = Self.sumOfSquares(work.r)
    var damping = 1e-3
    var converged = false
    var iteration = 0
    while iteration < maxIterations {
      iteration += 1
      jacobian(UnsafeBufferPointer(work.theta), work.j)
      Self.normalEquations(work.j, work.r, g: work.g, a: work.a)
      // Active set: at a bound with the descent direction (−g) pointing out of the box.
      work.freeCount = 0
      for p in 0..<k
      where !((work.theta[p] <= lower[p] && work.g[p] > 0) || (work.theta[p] >= upper[p] && work.g[p] < 0)) {
        work.free[work.freeCount] = p
        work.freeCount += 1
      }
      let gradientNorm = Self.largest(work.freeCount) { abs(work.g[work.free[$0]]) } ?? 0
      if gradientNorm <= tolerance * max(1, cost) {
        converged = true
        break
      }
      guard let step = dampedStep(&work, cost: cost, damping: &damping) else {
        converged = true
        break
      }
      cost = step.cost
      if step.converged {
        converged = true
        break
      }
    }
    return Solution(parameters: Array(work.theta), cost: cost, iterations: iteration, converged: converged)
  }

  /// g = Jᵀr and A = JᵀJ (row-major, `g.count` square) for the flat row-major Jacobian `j`, summed
  /// row by row.
  package static func normalEquations(
    _ j: UnsafeMutableBufferPointer<Double>, _ r: UnsafeMutableBufferPointer<Double>,
    g: UnsafeMutableBufferPointer<Double>, a: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(j.count == r.count * g.count, "one Jacobian row per residual")
    if g.count == 3 {
      normalEquations3(j, r, g: g, a: a)
    } else {
      normalEquationsOfAnyCount(j, r, g: g, a: a)
    }
  }

  /// `normalEquations` for any number of parameters: the definition the three-parameter loop is
  /// checked against.
  package static func normalEquationsOfAnyCount(
    _ j: UnsafeMutableBufferPointer<Double>, _ r: UnsafeMutableBufferPointer<Double>,
    g: UnsafeMutableBufferPointer<Double>, a: UnsafeMutableBufferPointer<Double>
  ) {
    let count = g.count
    g.update(repeating: 0)
    a.update(repeating: 0)
    for (index, residual) in r.enumerated() {
      let row = index * count
      for p in 0..<count {
        g[p] += j[row + p] * residual
        for q in p..<count { a[p * count + q] += j[row + p] * j[row + q] }
      }
    }
    // A is symmetric and a product commutes exactly, so the lower half is the upper's mirror.
    for p in 0..<count { for q in 0..<p { a[p * count + q] = a[q * count + p] } }
  }

  /// `normalEquations` for three parameters (the USL's), its loops unrolled into registers: the
  /// same products summed in the same order, so the same bits, at a third of the instructions.
  private static func normalEquations3(
    _ j: UnsafeMutableBufferPointer<Double>, _ r: UnsafeMutableBufferPointer<Double>,
    g: UnsafeMutableBufferPointer<Double>, a: UnsafeMutableBufferPointer<Double>
  ) {
    var (g0, g1, g2) = (0.0, 0.0, 0.0)
    var (a00, a01, a02, a11, a12, a22) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    for (index, residual) in r.enumerated() {
      let (j0, j1, j2) = (j[3 * index], j[3 * index + 1], j[3 * index + 2])
      g0 += j0 * residual
      a00 += j0 * j0
      a01 += j0 * j1
      a02 += j0 * j2
      g1 += j1 * residual
      a11 += j1 * j1
      a12 += j1 * j2
      g2 += j2 * residual
      a22 += j2 * j2
    }
    (g[0], g[1], g[2]) = (g0, g1, g2)
    (a[0], a[1], a[2]) = (a00, a01, a02)
    (a[3], a[4], a[5]) = (a01, a11, a12)
    (a[6], a[7], a[8]) = (a02, a12, a22)
  }

  /// One Levenberg–Marquardt step on the free parameters: the damping rises tenfold until a step
  /// (clipped into the box) does not raise the cost, then falls tenfold for the next; `converged`
  /// when the step or the cost's reduction is below the tolerance. On success θ and r hold the
  /// step's; `nil` when no damping below 1e16 finds such a step.
  private func dampedStep(_ work: inout Workspace, cost: Double, damping: inout Double) -> (
    cost: Double, converged: Bool
  )? {
    let k = work.theta.count
    let m = work.freeCount
    let system = UnsafeMutableBufferPointer(rebasing: work.system[0..<(m * m)])
    let rhs = UnsafeMutableBufferPointer(rebasing: work.rhs[0..<m])
    let delta = UnsafeMutableBufferPointer(rebasing: work.delta[0..<m])
    while damping < 1e16 {
      for row in 0..<m {
        for column in 0..<m { system[row * m + column] = work.a[work.free[row] * k + work.free[column]] }
        let diagonal = work.a[work.free[row] * k + work.free[row]]
        system[row * m + row] += damping * max(diagonal, 1e-300)
        rhs[row] = -work.g[work.free[row]]
      }
      guard Self.solve(system, rhs, into: delta) else {
        damping *= 10
        continue
      }
      for p in 0..<k { work.candidate[p] = work.theta[p] }
      for row in 0..<m { work.candidate[work.free[row]] += delta[row] }
      clip(work.candidate)
      residuals(UnsafeBufferPointer(work.candidate), work.candidateResiduals)
      let candidateCost = Self.sumOfSquares(work.candidateResiduals)
      if candidateCost.isFinite, candidateCost <= cost {
        let (candidate, theta) = (work.candidate, work.theta)
        let step = Self.largest(k) { abs(candidate[$0] - theta[$0]) / max(abs(theta[$0]), 1e-12) } ?? 0
        let reduction = cost - candidateCost
        damping = max(damping / 10, 1e-15)
        let converged =
          step < tolerance || reduction <= tolerance * tolerance * max(candidateCost, 1e-300)
        _ = work.theta.update(fromContentsOf: work.candidate)
        _ = work.r.update(fromContentsOf: work.candidateResiduals)
        return (candidateCost, converged)
      }
      damping *= 10
    }
    return nil
  }

  /// The largest of `value(0) … value(count − 1)` as `Sequence.max()` picks it (the first of
  /// equals; a NaN first stays); `nil` when `count` is 0.
  private static func largest(_ count: Int, _ value: (Int) -> Double) -> Double? {
    guard count > 0 else { return nil }
    var result = value(0)
    for index in 1..<count {
      let next = value(index)
      if result < next { result = next }
    }
    return result
  }

  private func clip(_ theta: UnsafeMutableBufferPointer<Double>) {
    for p in theta.indices { theta[p] = min(max(theta[p], lower[p]), upper[p]) }
  }

  private static func sumOfSquares(_ values: UnsafeMutableBufferPointer<Double>) -> Double {
    values.reduce(0) { $0 + $1 * $1 }
  }

  /// Solves a small dense system by Gaussian elimination with partial pivoting; `nil` when singular.
  package static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
    let n = vector.count
    var flat = matrix.flatMap { $0 }
    var b = vector
    var x = [Double](repeating: 0, count: n)
    let solved = flat.withUnsafeMutableBufferPointer { flat in
      b.withUnsafeMutableBufferPointer { b in
        x.withUnsafeMutableBufferPointer { x in solve(flat, b, into: x) }
      }
    }
    return solved ? x : nil
  }

  /// `solve(_:_:)` in place: `matrix` (row-major, `vector.count` square) and `vector` are used up;
  /// false when singular or not finite.
  private static func solve(
    _ m: UnsafeMutableBufferPointer<Double>, _ b: UnsafeMutableBufferPointer<Double>,
    into x: UnsafeMutableBufferPointer<Double>
  ) -> Bool {
    let n = b.count
    for column in 0..<n {
      // The first row of the largest magnitude, as `max(by:)` picks it.
      var pivot = column
      for row in (column + 1)..<n where abs(m[pivot * n + column]) < abs(m[row * n + column]) {
        pivot = row
      }
      guard abs(m[pivot * n + column]) > 1e-300 else { return false }
      if pivot != column {
        for k in 0..<n { m.swapAt(column * n + k, pivot * n + k) }
        b.swapAt(column, pivot)
      }
      for row in (column + 1)..<n {
        let factor = m[row * n + column] / m[column * n + column]
        for k in column..<n { m[row * n + k] -= factor * m[column * n + k] }
        b[row] -= factor * b[column]
      }
    }
    for row in stride(from: n - 1, through: 0, by: -1) {
      var sum = b[row]
      for k in (row + 1)..<n { sum -= m[row * n + k] * x[k] }
      x[row] = sum / m[row * n + row]
    }
    return x.allSatisfy(\.isFinite)
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
