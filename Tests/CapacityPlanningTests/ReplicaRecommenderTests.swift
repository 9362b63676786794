import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityPlanning
@testable import CapacityTestSupport

/// The recommendation arithmetic on a hand-checked case (numbers worked out in the comments).
@Suite struct ReplicaRecommenderTests {
  struct FixedThroughput: ThroughputEstimate {
    func throughput(_ analyses: [RunAnalysis], thresholds: AnalysisThresholds) -> MeasuredThroughput? {
      MeasuredThroughput(
        requestsPerSecond: 40, users: 50, runName: "fixed", basis: "a fixed 40 req/s", window: nil)
    }
  }

  static let mebi: Int64 = 1 << 20

  func plan(target: TargetLoad = .requestsPerSecond(100), failover: Bool = false) throws -> ReplicaPlan {
    let light = RunAnalyzer(thresholds: AnalysisThresholds()).analyze(try Corpus.run("light"))
    let memory = try #require(UsageSummary([90 * 1_048_576, 100 * 1_048_576]))
    let usage = ComponentUsage(
      component: "web", metric: .memory, source: "p", sourceKind: "pidstat", selected: true, summary: memory)
    let run = RunResources(
      runID: light.run.id, runName: "light", coverage: 1, usage: [usage], steps: [], costs: [], timelines: [],
      notes: [])
    // Mean CPU = 100m + 20m per req/s, p90 = 200m + 25m per req/s.
    let cost = CPUCost(
      component: "web", millicoresPerRPS: 20, baseMillicores: 100, p90MillicoresPerRPS: 25,
      p90BaseMillicores: 200,
      points: 3, basis: "runs")
    let deployment = Deployment(components: [
      Component(
        name: "web", kind: "Deployment", replicas: 2, cpuRequestMillicores: 500,
        memoryRequestBytes: 512 * Self.mebi),
      Component(
        name: "db", kind: "StatefulSet", replicas: 1, cpuRequestMillicores: 500,
        memoryRequestBytes: 1024 * Self.mebi),
    ])
    let resources = ResourceAnalysis(
      runs: [run], costsAcrossRuns: [cost], files: [], notes: [],
      mapper: ComponentMapper(known: deployment.components.map(\.name)))
    let profiles = [
      Profile(name: "p2", cpuMillicores: 2000, memoryBytes: 4096 * Self.mebi),
      Profile(name: "p4", cpuMillicores: 4000, memoryBytes: 4096 * Self.mebi),
      Profile(name: "p5", cpuMillicores: 5000, memoryBytes: 8192 * Self.mebi),
      Profile(name: "p8", cpuMillicores: 8000, memoryBytes: 16384 * Self.mebi),
    ]
    let recommender = ReplicaRecommender(
      target: target, utilisation: 0.8, failover: failover, estimate: FixedThroughput())
    return try #require(
      recommender.recommend(
        deployment: deployment, profiles: profiles, analyses: [light], resources: resources))
  }

  @Test func handCheckedCase() throws {
    let plan = try plan()
    // ⌈100 ÷ (40 × 0.8)⌉ = ⌈3.125⌉ = 4 replicas, 25 req/s each.
    #expect(plan.webReplicas == 4)
    let web = try #require(plan.components.first { $0.name == "web" })
    // CPU: (200 + 25 × 25) × 1.15 = 948.75 → 949m; memory: 100Mi × 1.15 = 115Mi.
    #expect(web.cpuMillicores == 949 && web.memoryBytes == 115 * Self.mebi && web.basis == "measured")
    let db = try #require(plan.components.first { $0.name == "db" })
    #expect(db.replicas == 1 && db.cpuMillicores == 500 && db.basis == "manifest")
    // 500 + 4 × 949 = 4296m; 1024Mi + 4 × 115Mi = 1484Mi.
    #expect(plan.cpuMillicores == 4296 && plan.memoryBytes == 1484 * Self.mebi)
    let verdicts = plan.profiles.map {
      "\($0.profile.name) \($0.verdict.rawValue) \($0.cpuPercent) \($0.webReplicasThatFit)"
    }
    #expect(
      verdicts == [
        // Even 3 replicas (⌈100 ÷ 40⌉) at 33.3 req/s do not fit: mean 767m × 3 + 500m = 2801m > 2000m.
        "p2 NOT RECOMMENDED 214.8 1",
        // 4296m > 4000m; 3 replicas: requests (200 + 25 × 33.3) × 1.15 → 1189m × 3 + 500 = 4067m do not fit,
        // mean 100 + 20 × 33.3 → 767m × 3 + 500 = 2801m does: MINIMUM only by bursting.
        "p4 MINIMUM 107.4 3",
        // 4296 ÷ 5000 = 85.9 %: fits, under 20 % headroom.
        "p5 MINIMUM 85.9 4",
        // 4296 ÷ 8000 = 53.7 %, 1484Mi of 16Gi: RECOMMENDED; (8000 − 500) ÷ 949 = 7 web replicas fit.
        "p8 RECOMMENDED 53.7 7",
      ])
    let answer = AnswerComposer(thresholds: AnalysisThresholds()).answer(
      plan: {
        var capacity = CapacityPlan(profiles: plan.profiles.map(\.profile), deployment: nil)
        capacity.recommendation = plan
        capacity.judge(sizing: nil)
        return capacity
      }())
    // 7 web replicas × 40 req/s = 280 req/s carried by p8.
    #expect(
      answer.hasPrefix(
        "Buy p8 (8 CPU, 16Gi) (RECOMMENDED on measured usage): measured usage needs 53.7 % of its CPU"),
      "\(answer)")
    #expect(
      answer.contains(
        "7 web replicas carry about 350 users / 280 req/s within the SLO for a target of 100 req/s"))
    #expect(answer.contains("p4 (4 CPU, 4Gi) is the minimum (MINIMUM)"))
    #expect(answer.hasSuffix("p2 is NOT RECOMMENDED."))
  }

  @Test func failoverAddsAReplicaAndUsersUseThePerUserRate() throws {
    #expect(try plan(failover: true).webReplicas == 5)
    // 150 users × (40 ÷ 50) = 120 req/s → ⌈120 ÷ 32⌉ = 4.
    let users = try plan(target: .users(150))
    #expect(abs(users.targetRPS - 120) < 1e-9 && users.webReplicas == 4 && users.targetUsers == 150)
  }

  @Test func bestStepWithinSLOSkipsInvalidRunsAndStepsOverTheSLO() throws {
    let thresholds = AnalysisThresholds()
    let stepped = RunAnalyzer(thresholds: thresholds).analyze(try Corpus.run("stepped"))
    let invalid = RunAnalyzer(thresholds: thresholds).analyze(try Corpus.run("invalid"))
    let best = try #require(BestStepWithinSLO().throughput([stepped, invalid], thresholds: thresholds))
    // The README's knee: 60 users is the last step with p95 under 500 ms (264 ms); 80 users has 595 ms.
    #expect(best.users == 60 && best.runName == "stepped")
    #expect(abs(best.requestsPerSecond - 38.8) < 1.5)
    #expect(BestStepWithinSLO().throughput([invalid], thresholds: thresholds) == nil)
  }
}

@Suite struct OverheadModelTests {
  static let mebi: Int64 = 1 << 20

  @Test func k3sUsesTheGKETiersPlusEviction() {
    let overheads = Profile.builtIns.map { OverheadModel.k3s.overhead(for: $0) }
    // 4 GiB: 25 % = 1024Mi; 6 GiB: + 20 % of 2 GiB; 8 GiB: + 20 % of 4 GiB; all + 100Mi. CPU: 60 + 10 (+ 5 per core 3–4).
    #expect(
      overheads.map(\.memoryBytes) == [
        1124 * Self.mebi, 1_503_238_553 + 100 * Self.mebi, 1_932_735_283 + 100 * Self.mebi,
      ])
    #expect(overheads.map(\.cpuMillicores) == [70, 75, 80])
  }

  @Test func dockerAndExplicit() {
    let docker = OverheadModel.apply(.docker, to: Profile.builtIns)
    #expect(
      docker.allSatisfy {
        $0.overhead == Overhead(model: "docker", cpuMillicores: 100, memoryBytes: 400 * Self.mebi)
      })
    #expect(docker[0].allocatableCPUMillicores == 1900)
    let explicit = Profile(
      name: "x", cpuMillicores: 2000, memoryBytes: 1 << 32,
      overhead: Overhead(model: "explicit", cpuMillicores: 250, memoryBytes: 512 * Self.mebi))
    #expect(OverheadModel.apply(.k3s, to: [explicit]) == [explicit])
  }
}
