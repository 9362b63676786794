import Testing

@testable import CapacityKit

@Suite struct MannWhitneyUTests {
  // Reference values from SciPy 1.17.1:
  //   scipy.stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic")
  @Test func matchesSciPyWithoutTies() throws {
    let x = [12.1, 14.3, 13.3, 15.0, 12.8, 13.9, 14.4, 13.1, 12.9]
    let y = [14.8, 15.9, 16.2, 15.1, 17.0, 14.9, 16.6, 15.5]
    let test = try #require(MannWhitneyU(x, y))
    #expect(test.u == 2.0)
    #expect(abs(test.pValue - 0.001266170542902569) < 1e-12)
  }

  @Test func matchesSciPyWithTies() throws {
    let test = try #require(MannWhitneyU([1, 2, 2, 3, 3, 3, 4, 5], [3, 3, 4, 5, 5, 6, 6, 7, 7]))
    #expect(test.u == 9.5)
    #expect(abs(test.pValue - 0.010899256424880072) < 1e-12)
  }

  @Test func identicalSamplesGiveOne() throws {
    #expect(try #require(MannWhitneyU([5, 5, 5], [5, 5, 5])).pValue == 1)
  }

  @Test func emptySampleHasNoTest() {
    #expect(MannWhitneyU([], [1, 2]) == nil)
  }

  @Test func ranksAverageTies() {
    #expect(MannWhitneyU.ranks(of: [10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
  }
}
