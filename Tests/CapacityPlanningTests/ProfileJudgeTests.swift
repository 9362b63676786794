import Testing

@testable import CapacityModel
@testable import CapacityPlanning
@testable import CapacityTestSupport

/// The one-verdict rule on the seed manifests (3350m / 4608Mi requested; django 2 × 500m / 512Mi,
/// so 2350m / 3584Mi for the rest): vps-8gb allocates 4000m, room for (4000 − 2350) ÷ 500 = 3
/// django replicas by requests; vps-6gb (3000m) for 1; vps-4gb (2000m) for none.
@Suite struct ProfileJudgeTests {
  func plan(perReplica: Double, target: Double) throws -> CapacityPlan {
    let deployment = try ManifestLoader().load(paths: [Corpus.path("samples/k8s/seed-k8s.yaml")])
    var plan = CapacityPlan(profiles: Profile.builtIns, deployment: deployment)
    plan.judge(
      sizing: ThroughputSizing(
        webComponent: "django", perReplicaRPS: perReplica, perUserRPS: 0.5, targetRPS: target,
        targetUsers: nil,
        targetBasis: "test", throughputBasis: "test"))
    return plan
  }

  func verdicts(_ plan: CapacityPlan) -> [String] {
    plan.assessments.map {
      "\($0.profile.name) \($0.verdict?.rawValue ?? "-") \($0.carries?.webReplicas ?? -1)"
    }
  }

  @Test func theWorstViewDecides() throws {
    // 3 × 50 = 150 req/s ≥ 1.25 × 100: the load view is RECOMMENDED, the requests view (83.8 %)
    // MINIMUM, so vps-8gb is MINIMUM; the others do not fit by requests.
    let plan = try plan(perReplica: 50, target: 100)
    #expect(
      verdicts(plan) == ["vps-4gb NOT RECOMMENDED 0", "vps-6gb NOT RECOMMENDED 1", "vps-8gb MINIMUM 3"])
    #expect(plan.choice?.profile?.name == "vps-8gb" && plan.choice?.verdict == .minimum)
    #expect(plan.assessments[2].basis == ["requests", "load carried"])
    #expect(plan.assessments[2].carries?.users == 300)
  }

  @Test func carryingLessThanTheTargetIsNotRecommended() throws {
    // 150 req/s < 160: no profile carries the target. It needs ⌈160 ÷ 50⌉ = 4 django replicas:
    // 3350m + 2 × 500m = 4350m.
    let plan = try plan(perReplica: 50, target: 160)
    #expect(plan.assessments.allSatisfy { $0.verdict == .notRecommended })
    #expect(plan.choice?.profile == nil && plan.choice?.verdict == .notRecommended)
    #expect(plan.choice?.largest?.name == "vps-8gb" && plan.choice?.neededCPUMillicores == 4350)
    let answer = AnswerComposer(thresholds: AnalysisThresholds()).answer(plan: plan)
    #expect(
      answer.hasPrefix(
        "None carries the target (160 req/s): the largest, vps-8gb (4 CPU, 8Gi), carries "
          + "300 users / 150 req/s with 3 django replicas"), "\(answer)")
  }

  @Test func withoutARunWithinTheSLOOnlyTheRequestsDecide() throws {
    let deployment = try ManifestLoader().load(paths: [Corpus.path("samples/k8s/seed-k8s.yaml")])
    let plan = CapacityPlan(profiles: Profile.builtIns, deployment: deployment)
    #expect(plan.assessments.map(\.verdict) == plan.fits.map(\.verdict))
    #expect(plan.assessments.allSatisfy { $0.carries == nil && $0.basis == ["requests"] })
  }
}
