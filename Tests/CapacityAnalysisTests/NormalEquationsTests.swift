import Testing

@testable import CapacityAnalysis
@testable import CapacityModel

/// The three-parameter normal equations (the USL bootstrap's inner loop) are unrolled; they must
/// give the general loop's sums to the last bit, or the fits and their intervals would move.
@Suite struct NormalEquationsTests {
  @Test(arguments: [1, 6, 78, 1_000])
  func unrolledSumsEqualTheGeneralLoopsBitForBit(rows: Int) {
    var generator = SeededGenerator(seed: UInt64(rows))
    // Magnitudes as a USL Jacobian's: σ and κ columns up to 1e6, λ's near the user counts.
    let scales = [1e-3, 1, 1e3, 1e6]
    var j = (0..<(3 * rows)).map { _ in
      Double.random(in: -1...1, using: &generator)
        * scales[Int.random(in: 0..<scales.count, using: &generator)]
    }
    var r = (0..<rows).map { _ in Double.random(in: -50...50, using: &generator) }
    var unrolled = ([Double](repeating: .nan, count: 3), [Double](repeating: .nan, count: 9))
    var general = ([Double](repeating: .nan, count: 3), [Double](repeating: .nan, count: 9))
    j.withUnsafeMutableBufferPointer { j in
      r.withUnsafeMutableBufferPointer { r in
        unrolled.0.withUnsafeMutableBufferPointer { g in
          unrolled.1.withUnsafeMutableBufferPointer { a in
            BoundedLeastSquares.normalEquations(j, r, g: g, a: a)
          }
        }
        general.0.withUnsafeMutableBufferPointer { g in
          general.1.withUnsafeMutableBufferPointer { a in
            BoundedLeastSquares.normalEquationsOfAnyCount(j, r, g: g, a: a)
          }
        }
      }
    }
    #expect(unrolled.0.map(\.bitPattern) == general.0.map(\.bitPattern))
    #expect(unrolled.1.map(\.bitPattern) == general.1.map(\.bitPattern))
    // And the general loop is the plain definition: g = Jᵀr, A = JᵀJ, summed row by row.
    var g2 = 0.0
    var a01 = 0.0
    for row in 0..<rows {
      g2 += j[3 * row + 2] * r[row]
      a01 += j[3 * row] * j[3 * row + 1]
    }
    #expect(general.0[2].bitPattern == g2.bitPattern)
    #expect(general.1[1].bitPattern == a01.bitPattern && general.1[3].bitPattern == a01.bitPattern)
  }
}
