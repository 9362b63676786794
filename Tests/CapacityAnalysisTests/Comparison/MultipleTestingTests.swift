import Testing

@testable import CapacityAnalysis

@Suite struct MultipleTestingTests {
  // Holm by hand, p = [0.01, 0.04, 0.03, 0.005], m = 4. Sorted: 0.005, 0.01, 0.03, 0.04;
  // times m − j + 1 = 4, 3, 2, 1: 0.02, 0.03, 0.06, 0.04; running maximum: 0.02, 0.03, 0.06, 0.06.
  // Back in the given order: [0.03, 0.06, 0.06, 0.02]
  // (= statsmodels multipletests(p, method="holm")[1]).
  @Test func holmMatchesTheHandComputation() {
    let adjusted = MultipleTesting.holm.adjust([0.01, 0.04, 0.03, 0.005])
    for (value, expected) in zip(adjusted, [0.03, 0.06, 0.06, 0.02]) {
      #expect(abs(value - expected) < 1e-12)
    }
  }

  // Products above 1 are clipped: [0.5, 0.6] → 2·0.5 = 1, max(1, 0.6) = 1.
  @Test func holmClipsAtOne() {
    #expect(MultipleTesting.holm.adjust([0.5, 0.6]) == [1, 1])
  }

  // BH by hand, p = [0.01, 0.04, 0.03, 0.005, 0.20], m = 5. Sorted: 0.005, 0.01, 0.03, 0.04, 0.20;
  // times m ÷ i = 5, 2.5, 5/3, 1.25, 1: 0.025, 0.025, 0.05, 0.05, 0.2; running minimum from the
  // largest: 0.2, 0.05, 0.05, 0.025, 0.025. Back in the given order: [0.025, 0.05, 0.05, 0.025, 0.2]
  // (= statsmodels multipletests(p, method="fdr_bh")[1]).
  @Test func benjaminiHochbergMatchesTheHandComputation() {
    let adjusted = MultipleTesting.benjaminiHochberg.adjust([0.01, 0.04, 0.03, 0.005, 0.20])
    for (value, expected) in zip(adjusted, [0.025, 0.05, 0.05, 0.025, 0.2]) {
      #expect(abs(value - expected) < 1e-12)
    }
  }

  // A step-up case: p = [0.04, 0.045, 0.05], m = 3: 3·0.04 = 0.12, 1.5·0.045 = 0.0675, 1·0.05 = 0.05;
  // running minimum from the largest: 0.05, 0.05, 0.05 — all three are found at α = 0.05 + ε
  // where Holm (0.12, 0.12, 0.12) finds none.
  @Test func benjaminiHochbergStepsUp() {
    let adjusted = MultipleTesting.benjaminiHochberg.adjust([0.04, 0.045, 0.05])
    for value in adjusted { #expect(abs(value - 0.05) < 1e-12) }
    for value in MultipleTesting.holm.adjust([0.04, 0.045, 0.05]) { #expect(abs(value - 0.12) < 1e-12) }
  }

  @Test func emptyFamilyStaysEmpty() {
    #expect(MultipleTesting.holm.adjust([]).isEmpty)
    #expect(MultipleTesting.benjaminiHochberg.adjust([]).isEmpty)
  }
}
