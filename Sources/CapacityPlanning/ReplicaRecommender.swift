import CapacityAnalysis
import CapacityModel
import Foundation

/// Recommends replicas and judges each profile from measured usage (DESIGN.md §4, CAPACITY-MATH.md §3, §7).
///
/// 1. Per-replica throughput X: the seam (`ThroughputEstimate`), divided by the web replicas running
///    during the test (the mapping file's `measured_replicas`, default 1).
/// 2. Target: `--target-rps`; or users × the per-user rate at X (a closed test's users each issue
///    X ÷ N req/s while latency is low); by default the users of the largest valid scenario.
/// 3. Web replicas = ⌈target ÷ (X × ρ)⌉ (+1 with failover); ρ = 0.7 (M/M/c for 2–4 servers).
/// 4. Requests per replica: CPU = p90 × 1.15 (VPA) at the per-replica load — from the least-squares
///    line of p90 CPU over the load steps (or runs), else scaled in proportion from the measured
///    point; memory = peak × 1.15 (KRR). Components without samples keep their manifest requests;
///    every non-web component keeps its manifest replicas.
/// 5. Per profile: the web replicas that fit next to the rest, and the throughput they carry within the
///    SLO. NOT RECOMMENDED when that is below the target; RECOMMENDED when the whole deployment
///    fits with ≥ 20 % headroom on CPU and memory; MINIMUM otherwise.
///
/// Steps 2 and 3 are in `ReplicaRecommender+Target.swift`, 4 in `+Requests`, 5 in `+Judge`.
public struct ReplicaRecommender: Sendable {
  public var thresholds: AnalysisThresholds
  public var target: TargetLoad
  public var utilisation: Double
  public var failover: Bool
  public var estimate: any ThroughputEstimate
  package static let cpuMargin = 1.15
  package static let memoryMargin = 1.15

  public init(
    thresholds: AnalysisThresholds = AnalysisThresholds(), target: TargetLoad = .largestScenario,
    utilisation: Double = 0.7, failover: Bool = false, estimate: any ThroughputEstimate = BestStepWithinSLO()
  ) {
    self.thresholds = thresholds
    self.target = target
    self.utilisation = utilisation
    self.failover = failover
    self.estimate = estimate
  }

  /// `nil` when nothing measured can size the web component (no valid run within the SLO, or no
  /// resource samples of it and no manifest for it).
  public func recommend(
    deployment: Deployment?, profiles: [Profile], analyses: [RunAnalysis], resources: ResourceAnalysis
  ) -> ReplicaPlan? {
    let web = resources.mapper.webComponent
    guard let throughput = estimate.throughput(analyses, thresholds: thresholds) else { return nil }
    let measuredReplicas = Double(resources.mapper.measuredReplicas[web] ?? 1)
    let perReplica = throughput.requestsPerSecond / measuredReplicas
    guard perReplica > 0,
      let load = targetPlan(
        throughput, perReplica: perReplica, measuredReplicas: measuredReplicas, analyses: analyses,
        deployment: deployment, web: web),
      let requests = componentRows(
        deployment: deployment, web: web, load: load, resources: resources,
        valid: analyses.filter { $0.validity.verdict != .invalid }),
      let webRow = requests.rows.first(where: { $0.name == web })
    else { return nil }
    let demand = Demand(
      rows: requests.rows, web: webRow, webReplicas: load.webReplicas, perReplica: perReplica,
      targetRPS: load.rps, webCPUAt: requests.webCPUAt)
    var assumptions = load.assumptions
    if resources.runs.contains(where: {
      $0.usage.contains { ComponentRole.loadGenerator.names($0.component) }
    }) {
      assumptions.append("the load generator ran on the measured host; its usage is shown but not sized")
    }
    return ReplicaPlan(
      targetRPS: load.rps, targetBasis: load.basis, targetUsers: load.users, throughput: throughput,
      perReplicaRPS: perReplica, utilisation: utilisation, webComponent: web, webReplicas: load.webReplicas,
      components: requests.rows, cpuMillicores: demand.totalCPU, memoryBytes: demand.totalMemory,
      profiles: profiles.map { judge($0, demand) }, assumptions: assumptions, perUserRPS: load.perUser)
  }
}

extension ReplicaRecommender {
  /// Memory requests are rounded up to whole MiB, as KRR does.
  package static func roundUpToMebibyte(_ bytes: Double) -> Int64 {
    Int64((bytes / 1_048_576).rounded(.up)) * 1_048_576
  }
}
