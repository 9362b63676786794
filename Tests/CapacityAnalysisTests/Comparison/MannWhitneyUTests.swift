import Testing

@testable import CapacityAnalysis

@Suite struct MannWhitneyUTests {
  static let x = [12.1, 14.3, 13.3, 15.0, 12.8, 13.9, 14.4, 13.1, 12.9]
  static let y = [14.8, 15.9, 16.2, 15.1, 17.0, 14.9, 16.6, 15.5]

  // Reference values from SciPy 1.17.1:
  //   python3 -c 'import scipy.stats as st; print(repr(st.mannwhitneyu(x, y,
  //     alternative="two-sided", method="exact").pvalue))'
  @Test func exactMatchesSciPyWithoutTies() throws {
    let test = try #require(MannWhitneyU(Self.x, Self.y))
    #expect(test.method == .exact)
    #expect(test.u == 2.0)
    #expect(abs(test.pValue - 0.00032908268202385847) < 1e-15)
  }

  // x = [101.2, 98.7, 103.4, 99.9, 102.8, 100.4, 97.6, 104.1, 100.9, 99.1, 102.2, 98.3],
  // y = [103.9, 100.1, 105.7, 101.8, 106.2, 99.4, 104.8, 102.5, 107.1, 100.7, 105.2]:
  // scipy.stats.mannwhitneyu(x, y, method="exact") → U = 29.0, p = 0.02250018120256376.
  @Test func exactMatchesSciPyWithOverlap() throws {
    let test = try #require(
      MannWhitneyU(
        [101.2, 98.7, 103.4, 99.9, 102.8, 100.4, 97.6, 104.1, 100.9, 99.1, 102.2, 98.3],
        [103.9, 100.1, 105.7, 101.8, 106.2, 99.4, 104.8, 102.5, 107.1, 100.7, 105.2]))
    #expect(test.u == 29.0)
    #expect(abs(test.pValue - 0.02250018120256376) < 1e-14)
  }

  // With ties the exact test is the permutation distribution of the mid-ranks:
  //   st.mannwhitneyu(x, y, method=st.PermutationMethod(n_resamples=numpy.inf)).pvalue
  //   → 0.009707939119703825, the same as enumerating all C(17, 8) splits with itertools.
  @Test func exactWithTiesMatchesTheFullPermutationTest() throws {
    let test = try #require(MannWhitneyU([1, 2, 2, 3, 3, 3, 4, 5], [3, 3, 4, 5, 5, 6, 6, 7, 7]))
    #expect(test.method == .exact)
    #expect(test.u == 9.5)
    #expect(abs(test.pValue - 0.009707939119703825) < 1e-14)
  }

  // 30 windows against 30, fully separated: st.mannwhitneyu(range(30), range(30, 60),
  // method="exact").pvalue → 1.691123389214474e-17 (2 ÷ C(60, 30)).
  @Test func exactReachesTinyPValuesAtTheLimit() throws {
    let test = try #require(MannWhitneyU((0..<30).map(Double.init), (30..<60).map(Double.init)))
    #expect(test.method == .exact)
    #expect(abs(test.pValue / 1.691123389214474e-17 - 1) < 1e-9)
  }

  // method="asymptotic" (normal approximation, tie and continuity correction).
  @Test func asymptoticMatchesSciPyWithoutTies() throws {
    let test = try #require(MannWhitneyU(Self.x, Self.y, exactLimit: 0))
    #expect(test.method == .asymptotic)
    #expect(test.u == 2.0)
    #expect(abs(test.pValue - 0.001266170542902569) < 1e-12)
  }

  @Test func asymptoticMatchesSciPyWithTies() throws {
    let test = try #require(
      MannWhitneyU([1, 2, 2, 3, 3, 3, 4, 5], [3, 3, 4, 5, 5, 6, 6, 7, 7], exactLimit: 0))
    #expect(test.u == 9.5)
    #expect(abs(test.pValue - 0.010899256424880072) < 1e-12)
  }

  @Test func identicalSamplesGiveOne() throws {
    #expect(try #require(MannWhitneyU([5, 5, 5], [5, 5, 5])).pValue == 1)
    #expect(try #require(MannWhitneyU([5, 5, 5], [5, 5, 5], exactLimit: 0)).pValue == 1)
  }

  @Test func emptySampleHasNoTest() {
    #expect(MannWhitneyU([], [1, 2]) == nil)
  }

  @Test func ranksAverageTies() {
    #expect(MannWhitneyU.ranks(of: [10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
  }
}
