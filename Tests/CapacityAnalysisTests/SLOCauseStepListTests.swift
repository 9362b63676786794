import Testing

@testable import CapacityAnalysis

@Suite struct SLOCauseStepListTests {
  @Test func fewStepsAreNamedAndManyAreCounted() {
    #expect(SLOCauseClassifier.stepList([200]) == "the 200-user step")
    #expect(SLOCauseClassifier.stepList([80, 100, 150, 200]) == "the 80, 100, 150, 200-user steps")
    #expect(
      SLOCauseClassifier.stepList(Array(stride(from: 10, through: 200, by: 10)))
        == "20 steps from 10 to 200 users")
  }
}
