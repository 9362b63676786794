import Foundation
import Testing

@testable import CapacityAnalysis

/// Expected knees come from kneed 0.9.0 (`KneeLocator(x, y, S=1.0, interp_method="interp1d")`);
/// Fixtures/kneedle/reference_knees.py prints them.
@Suite struct KneedleTests {
  @Test func papersFigure2() throws {
    // Satopää et al. 2011, Figure 2: y = −1/(x + 0.1) + 5, ten points on [0, 1]; knee x = 0.2222.
    let x = (0..<10).map { Double($0) / 9 }
    let y = x.map { -1 / ($0 + 0.1) + 5 }
    let index = try #require(Kneedle(curve: .concave).kneeIndex(x: x, y: y))
    #expect(abs(x[index] - 0.2222222222) < 1e-9)
  }

  @Test func convexIncreasing() {
    let x = (0..<10).map(Double.init)
    let y: [Double] = [1, 2, 3, 4, 5, 10, 15, 20, 40, 100]
    #expect(Kneedle(curve: .convex).kneeIndex(x: x, y: y) == 7)
  }

  @Test func concaveDecreasing() {
    let x = (0..<10).map(Double.init)
    let y: [Double] = [99, 98, 97, 96, 95, 90, 85, 80, 60, 0]
    #expect(Kneedle(curve: .concave, direction: .decreasing).kneeIndex(x: x, y: y) == 7)
  }

  @Test func steppedCorpusCurves() {
    let users: [Double] = [10, 20, 40, 60, 80, 100, 150, 200]
    let throughput = [7.0, 12.9, 25.4, 38.8, 48.2, 58.5, 68.2, 66.5]
    let p95: [Double] = [211, 219, 219, 264, 595, 619, 1321, 2193]
    #expect(Kneedle(curve: .concave).kneeIndex(x: users, y: throughput).map { users[$0] } == 100)
    #expect(Kneedle(curve: .convex).kneeIndex(x: users, y: p95).map { users[$0] } == 60)
  }

  @Test func aStraightLineHasNoKnee() {
    let x = (0..<10).map(Double.init)
    #expect(Kneedle(curve: .concave).kneeIndex(x: x, y: x) == nil)
  }
}
