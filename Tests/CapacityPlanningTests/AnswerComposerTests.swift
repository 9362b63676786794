import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityPlanning
@testable import CapacityTestSupport

@Suite struct AnswerComposerTests {
  private func seedPlan() throws -> CapacityPlan {
    let deployment = try ManifestLoader().load(paths: [Corpus.path("samples/k8s/seed-k8s.yaml")])
    return CapacityPlan(profiles: Profile.builtIns, deployment: deployment)
  }

  @Test func seedManifestsNameTheEightGigabyteProfileAsTheMinimum() throws {
    let answer = AnswerComposer(thresholds: AnalysisThresholds()).answer(plan: try seedPlan())
    #expect(
      answer
        == "Buy vps-8gb (4 CPU, 8Gi) as the minimum (MINIMUM on requests): the manifests request 3350m CPU "
        + "and 4608Mi memory, 83.8 % of its CPU and 56.3 % of its memory, which leaves under 20 % headroom and "
        + "no profile is RECOMMENDED; vps-4gb and vps-6gb are NOT RECOMMENDED.")
  }

  @Test func aRoomierProfileIsRecommendedAndTheMinimumNamed() throws {
    var plan = try seedPlan()
    let big = Profile(name: "vps-16gb", cpuMillicores: 8000, memoryBytes: 16 << 30)
    plan = CapacityPlan(profiles: plan.profiles + [big], deployment: plan.deployment)
    let answer = AnswerComposer(thresholds: AnalysisThresholds()).answer(plan: plan)
    #expect(answer.hasPrefix("Buy vps-16gb (8 CPU, 16Gi) (RECOMMENDED"))
    #expect(answer.contains("vps-8gb (4 CPU, 8Gi) is the minimum (MINIMUM)"))
    // The answer is the table's own choice.
    #expect(plan.choice?.profile?.name == "vps-16gb" && plan.choice?.verdict == .recommended)
  }

  @Test func invalidRunsAreNamedAndNeverEvidence() throws {
    let analyses = try ["invalid", "seed-broken"].map { RunAnalyzer().analyze(try Corpus.run($0)) }
    let evidence = AnswerComposer(thresholds: AnalysisThresholds()).evidence(analyses)
    #expect(
      evidence == [
        "No run is valid evidence, so nothing was measured about the application.",
        "Left out as INVALID: invalid (infrastructure) and broken (infrastructure).",
      ])
  }
}
