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

  /// How the measured need meets the web component's autoscaler: below `minReplicas` the autoscaler's
  /// floor is kept; above `maxReplicas` it says the autoscaler cannot reach the need.
  package static func autoscalerNote(_ autoscaler: AutoscalerRange, need: Int, web: String) -> String {
    let range =
      "HorizontalPodAutoscaler \(autoscaler.name) keeps \(web) between \(autoscaler.minReplicas) and \(autoscaler.maxReplicas) replicas"
    if need > autoscaler.maxReplicas {
      return
        "\(range): the measured need of \(need) exceeds maxReplicas, so the autoscaler cannot reach it; raise maxReplicas to \(need)"
    }
    if need < autoscaler.minReplicas {
      return
        "\(range): the measured need is \(need), the plan keeps its minReplicas \(autoscaler.minReplicas)"
    }
    return "\(range): the measured need of \(need) is within that range"
  }

  /// `nil` when nothing measured can size the web component (no valid run within the SLO, or no
  /// resource samples of it and no manifest for it).
  public func recommend(
    deployment: Deployment?, profiles: [Profile], analyses: [RunAnalysis], resources: ResourceAnalysis
  ) -> ReplicaPlan? {
    let mapper = resources.mapper
    let web = mapper.webComponent
    guard let throughput = estimate.throughput(analyses, thresholds: thresholds) else { return nil }
    let measuredReplicas = Double(mapper.measuredReplicas[web] ?? 1)
    let perReplica = throughput.requestsPerSecond / measuredReplicas
    guard perReplica > 0 else { return nil }
    var assumptions: [String] = []

    // Target load.
    let valid = analyses.filter { $0.validity.verdict != .invalid }
    guard let resolved = target.resolve(throughput: throughput, analyses: analyses) else { return nil }
    let (targetRPS, targetUsers, targetBasis, perUser) = resolved
    if targetUsers != nil, perUser != nil {
      assumptions.append(
        "users are converted to req/s with the per-user rate measured within the SLO "
          + "(closed test with think time: each user issues about the same req/s until the app saturates)")
    }

    // Web replicas.
    let active = Int((targetRPS / (perReplica * utilisation)).rounded(.up).clamped(1, 10_000))
    var webReplicas = active + (failover ? 1 : 0)
    if let autoscaler = deployment?[web]?.autoscaler {
      assumptions.append(Self.autoscalerNote(autoscaler, need: webReplicas, web: web))
      webReplicas = max(webReplicas, autoscaler.minReplicas)
    }
    let loadPerReplica = targetRPS / Double(active)
    assumptions.append(
      "one \(web) replica carries \(NumberFormat.decimal(perReplica, places: 1)) req/s within the SLO "
        + "(\(throughput.basis)\(measuredReplicas > 1 ? ", ÷ \(Int(measuredReplicas)) replicas measured" : "")); "
        + "replicas run at \(NumberFormat.percent(utilisation, places: 0)) of that"
        + (failover ? ", plus one for failover" : ""))
    assumptions.append(
      "more replicas add throughput in proportion only while nothing else (database, locks) saturates; "
        + "more vCPUs help a fixed worker pool only if its worker count grows with them")

    // Per-replica requests.
    var rows: [ReplicaPlan.ComponentRow] = []
    var webCPUAt: (Double) -> (request: Int64, mean: Int64) = { _ in (0, 0) }
    let measuredNames = Set(
      resources.runs.flatMap { $0.usage.map(\.component) }.filter {
        $0 != ComponentMapper.node && $0 != ComponentMapper.loadGenerator
      })
    var names = deployment?.components.map(\.name) ?? []
    if !names.contains(web) { names.append(web) }
    if deployment == nil { names += measuredNames.subtracting(names).sorted() }
    for name in names {
      let manifest = deployment?[name]
      let replicas = name == web ? webReplicas : (manifest?.replicas ?? 1)
      let count = Double(mapper.measuredReplicas[name] ?? 1)
      let cpu = measuredCPU(
        name, load: name == web ? loadPerReplica : nil, replicas: count, resources: resources, analyses: valid
      )
      .map { (Int64(($0.value * Self.cpuMargin).rounded(.up)), $0.how) }
      if name == web {
        webCPUAt = { load in
          guard
            let estimate = measuredCPU(
              name, load: load, replicas: count, resources: resources, analyses: valid)
          else { return (manifest?.cpuRequestMillicores ?? 0, manifest?.cpuRequestMillicores ?? 0) }
          return (
            Int64((estimate.value * Self.cpuMargin).rounded(.up)),
            Int64(estimate.mean.rounded(.up))
          )
        }
      }
      let memory = peakMemory(name, resources: resources, analyses: valid)
        .map { Self.roundUpToMebibyte($0 / count * Self.memoryMargin) }
      guard cpu != nil || manifest != nil else {
        if name == web { return nil }
        continue
      }
      let cpuRequest = max(cpu?.0 ?? manifest?.cpuRequestMillicores ?? 0, cpu == nil ? 0 : 10)
      let memoryRequest = memory ?? manifest?.memoryRequestBytes ?? 0
      let basis: String
      switch (cpu != nil, memory != nil) {
      case (true, true): basis = "measured"
      case (false, false): basis = "manifest"
      case (true, false): basis = "measured cpu, manifest memory"
      case (false, true): basis = "manifest cpu, measured memory"
      }
      var derivation: [String] = []
      if let cpu { derivation.append("cpu \(cpu.1) × 1.15") }
      if memory != nil { derivation.append("memory peak × 1.15") }
      if cpu == nil || memory == nil { derivation.append("the rest from the manifest") }
      rows.append(
        ReplicaPlan.ComponentRow(
          name: name, replicas: replicas, cpuMillicores: cpuRequest, memoryBytes: memoryRequest,
          manifestCPUMillicores: manifest?.cpuRequestMillicores,
          manifestMemoryBytes: manifest?.memoryRequestBytes,
          basis: basis, derivation: derivation.joined(separator: "; ")))
    }
    guard let webRow = rows.first(where: { $0.name == web }) else { return nil }
    let others = rows.filter { $0.name != web }
    let otherCPU = others.reduce(Int64(0)) {
      $0.saturatingAdd($1.cpuMillicores.saturatingMultiply(Int64($1.replicas)))
    }
    let otherMemory = others.reduce(Int64(0)) {
      $0.saturatingAdd($1.memoryBytes.saturatingMultiply(Int64($1.replicas)))
    }
    let totalCPU = otherCPU.saturatingAdd(webRow.cpuMillicores.saturatingMultiply(Int64(webReplicas)))
    let totalMemory = otherMemory.saturatingAdd(webRow.memoryBytes.saturatingMultiply(Int64(webReplicas)))
    if resources.runs.contains(where: { $0.usage.contains { $0.component == ComponentMapper.loadGenerator } })
    {
      assumptions.append("the load generator ran on the measured host; its usage is shown but not sized")
    }

    let profileRows = profiles.map { profile in
      judge(
        profile, webRow: webRow, webReplicas: webReplicas, otherCPU: otherCPU, otherMemory: otherMemory,
        totalCPU: totalCPU, totalMemory: totalMemory, perReplica: perReplica, targetRPS: targetRPS,
        webCPUAt: webCPUAt)
    }
    return ReplicaPlan(
      targetRPS: targetRPS, targetBasis: targetBasis, targetUsers: targetUsers, throughput: throughput,
      perReplicaRPS: perReplica, utilisation: utilisation, webComponent: web, webReplicas: webReplicas,
      components: rows, cpuMillicores: totalCPU, memoryBytes: totalMemory, profiles: profileRows,
      assumptions: assumptions, perUserRPS: perUser)
  }

  private func judge(
    _ profile: Profile, webRow: ReplicaPlan.ComponentRow, webReplicas: Int, otherCPU: Int64,
    otherMemory: Int64,
    totalCPU: Int64, totalMemory: Int64, perReplica: Double, targetRPS: Double,
    webCPUAt: (Double) -> (request: Int64, mean: Int64)
  ) -> ReplicaPlan.ProfileRow {
    let cpu = profile.allocatableCPUMillicores
    let memory = profile.allocatableMemoryBytes
    func fit(_ free: Int64, _ each: Int64) -> Int { each <= 0 ? 10_000 : Int(max(0, free) / each) }
    let fitting = max(
      0, min(fit(cpu - otherCPU, webRow.cpuMillicores), fit(memory - otherMemory, webRow.memoryBytes), 10_000)
    )
    let cpuPercent = Percent.of(totalCPU, in: cpu)
    let memoryPercent = Percent.of(totalMemory, in: memory)
    let target = NumberFormat.decimal(targetRPS, places: 0)
    let need =
      "\(webReplicas) × \(webRow.name) at \(webRow.cpuMillicores)m / \(Quantities.quantity(bytes: webRow.memoryBytes)) "
      + "and the rest request \(cpuPercent) % of allocatable CPU and \(memoryPercent) % of memory"
    let fitsRequests = totalCPU <= cpu && totalMemory <= memory
    if totalCPU * 5 <= cpu * 4 && totalMemory * 5 <= memory * 4 {
      return ReplicaPlan.ProfileRow(
        profile: profile, verdict: .recommended,
        reasons: ["\(need), leaving at least 20 % headroom for \(target) req/s"], cpuPercent: cpuPercent,
        memoryPercent: memoryPercent, webReplicasThatFit: fitting, capacityRPS: Double(fitting) * perReplica)
    }
    if fitsRequests {
      return ReplicaPlan.ProfileRow(
        profile: profile, verdict: .minimum,
        reasons: ["\(need): it fits, with under 20 % headroom"], cpuPercent: cpuPercent,
        memoryPercent: memoryPercent,
        webReplicasThatFit: fitting, capacityRPS: Double(fitting) * perReplica)
    }
    // Fewer, busier replicas (each up to its throughput within the SLO): do they fit by requests, or by mean use?
    let fewest = Int((targetRPS / perReplica).rounded(.up))
    for replicas in max(fewest, 1)..<max(webReplicas, fewest + 1) {
      let load = targetRPS / Double(replicas)
      let (request, mean) = webCPUAt(load)
      let memoryNeed = otherMemory.saturatingAdd(webRow.memoryBytes.saturatingMultiply(Int64(replicas)))
      guard memoryNeed <= memory else { continue }
      let busier = "\(replicas) × \(webRow.name) at \(NumberFormat.decimal(load, places: 1)) req/s each"
      if otherCPU.saturatingAdd(request.saturatingMultiply(Int64(replicas))) <= cpu {
        return ReplicaPlan.ProfileRow(
          profile: profile, verdict: .minimum,
          reasons: [
            "\(need), more than it has; \(busier) (\(request)m requested each) fit, running above the "
              + "\(NumberFormat.percent(utilisation, places: 0)) target utilisation"
          ], cpuPercent: cpuPercent, memoryPercent: memoryPercent, webReplicasThatFit: replicas,
          capacityRPS: Double(replicas) * perReplica)
      }
      if otherCPU.saturatingAdd(mean.saturatingMultiply(Int64(replicas))) <= cpu {
        return ReplicaPlan.ProfileRow(
          profile: profile, verdict: .minimum,
          reasons: [
            "\(need), more than it has; \(busier) fit only by bursting: their mean use "
              + "(\(mean)m each) fits, their p90 × 1.15 requests (\(request)m each) do not"
          ], cpuPercent: cpuPercent, memoryPercent: memoryPercent, webReplicasThatFit: replicas,
          capacityRPS: Double(replicas) * perReplica)
      }
    }
    return ReplicaPlan.ProfileRow(
      profile: profile, verdict: .notRecommended,
      reasons: [
        "\(need); even \(Quantities.count(fewest, "busier \(webRow.name) replica")) do not fit, so it cannot carry \(target) req/s "
          + "within the SLO (\(Quantities.count(fitting, "replica")) fit, about \(NumberFormat.decimal(Double(fitting) * perReplica, places: 0)) req/s)"
      ], cpuPercent: cpuPercent, memoryPercent: memoryPercent, webReplicasThatFit: fitting,
      capacityRPS: Double(fitting) * perReplica)
  }

  /// p90 CPU (millicores, all measured replicas together) of a component: at `load` req/s when a cost line
  /// exists, else from the heaviest valid run.
  /// CPU of one replica, millicores: at `load` req/s per replica when given (the base share of the
  /// measured replicas plus the per-request cost, or the measured use scaled to that load), else
  /// the measured use split over the `replicas` measured.
  private func measuredCPU(
    _ component: String, load: Double?, replicas: Double, resources: ResourceAnalysis, analyses: [RunAnalysis]
  )
    -> (value: Double, mean: Double, how: String)?
  {
    let validIDs = Set(analyses.map(\.run.id))
    let runs = resources.runs.filter { validIDs.contains($0.runID) }
    if let load {
      let lines =
        runs.flatMap(\.costs).filter { $0.component == component }
        + resources.costsAcrossRuns.filter {
          $0.component == component
        }
      if let line = lines.max(by: { $0.points < $1.points }) {
        let value = line.p90BaseMillicores / replicas + line.p90MillicoresPerRPS * load
        if value > 0 {
          return (
            value, max(0, line.baseMillicores / replicas + line.millicoresPerRPS * load),
            "p90 at \(NumberFormat.decimal(load, places: 1)) req/s per replica (least squares over the \(line.basis): "
              + "\(NumberFormat.decimal(line.p90BaseMillicores, places: 0))m + "
              + "\(NumberFormat.decimal(line.p90MillicoresPerRPS, places: 1))m per req/s)"
          )
        }
      }
    }
    let rps = Dictionary(
      analyses.map { ($0.run.id, $0.requestsPerSecond) }, uniquingKeysWith: { first, _ in first })
    guard
      let heaviest = runs.filter({ $0.selected(component, .cpu) != nil }).max(by: {
        (rps[$0.runID] ?? 0) < (rps[$1.runID] ?? 0)
      }), let summary = heaviest.selected(component, .cpu)
    else { return nil }
    if let load, let measured = rps[heaviest.runID], measured > 0 {
      return (
        summary.p90 * load / measured, summary.mean * load / measured,
        "p90 of \(heaviest.runName) scaled to \(NumberFormat.decimal(load, places: 1)) req/s per replica"
      )
    }
    return (summary.p90 / replicas, summary.mean / replicas, "p90 in \(heaviest.runName)")
  }

  private func peakMemory(_ component: String, resources: ResourceAnalysis, analyses: [RunAnalysis])
    -> Double?
  {
    let validIDs = Set(analyses.map(\.run.id))
    return resources.runs.filter { validIDs.contains($0.runID) }.compactMap {
      $0.selected(component, .memory)?.max
    }
    .max()
  }
}

extension ReplicaRecommender {
  /// Memory requests are rounded up to whole MiB, as KRR does.
  package static func roundUpToMebibyte(_ bytes: Double) -> Int64 {
    Int64((bytes / 1_048_576).rounded(.up)) * 1_048_576
  }
}

extension Double {
  fileprivate func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(Swift.max(self, low), high) }
}
