import CapacityModel

extension ReplicaRecommender {
  /// What the recommended deployment requests, for judging each profile (step 5).
  struct Demand {
    var web: ReplicaPlan.ComponentRow
    var webReplicas: Int
    /// Every other component's requests × its replicas, millicores and bytes.
    var otherCPU: Int64
    var otherMemory: Int64
    /// The whole deployment's, web replicas included.
    var totalCPU: Int64
    var totalMemory: Int64
    /// What one web replica carries within the SLO, and the target, req/s.
    var perReplica: Double
    var targetRPS: Double
    /// One web replica's CPU request (p90 × 1.15) and mean use at a load, millicores.
    var webCPUAt: (Double) -> (request: Int64, mean: Int64)

    init(
      rows: [ReplicaPlan.ComponentRow], web: ReplicaPlan.ComponentRow, webReplicas: Int, perReplica: Double,
      targetRPS: Double, webCPUAt: @escaping (Double) -> (request: Int64, mean: Int64)
    ) {
      let others = rows.filter { $0.name != web.name }
      otherCPU = others.reduce(Int64(0)) {
        $0.saturatingAdd($1.cpuMillicores.saturatingMultiply(Int64($1.replicas)))
      }
      otherMemory = others.reduce(Int64(0)) {
        $0.saturatingAdd($1.memoryBytes.saturatingMultiply(Int64($1.replicas)))
      }
      totalCPU = otherCPU.saturatingAdd(web.cpuMillicores.saturatingMultiply(Int64(webReplicas)))
      totalMemory = otherMemory.saturatingAdd(web.memoryBytes.saturatingMultiply(Int64(webReplicas)))
      self.web = web
      self.webReplicas = webReplicas
      self.perReplica = perReplica
      self.targetRPS = targetRPS
      self.webCPUAt = webCPUAt
    }

    /// The fewest web replicas that carry the target, each at its throughput within the SLO.
    var fewestWebReplicas: Int { Int((targetRPS / perReplica).rounded(.up)) }
  }

  /// RECOMMENDED with ≥ 20 % headroom on CPU and memory; MINIMUM when the requests fit with less, or
  /// when fewer, busier web replicas fit; NOT RECOMMENDED otherwise.
  func judge(_ profile: Profile, _ demand: Demand) -> ReplicaPlan.ProfileRow {
    let cpu = profile.allocatableCPUMillicores
    let memory = profile.allocatableMemoryBytes
    func fit(_ free: Int64, _ each: Int64) -> Int { each <= 0 ? 10_000 : Int(max(0, free) / each) }
    let fitting = max(
      0,
      min(
        fit(cpu - demand.otherCPU, demand.web.cpuMillicores),
        fit(memory - demand.otherMemory, demand.web.memoryBytes), 10_000)
    )
    let cpuPercent = Percent.of(demand.totalCPU, in: cpu)
    let memoryPercent = Percent.of(demand.totalMemory, in: memory)
    func row(_ verdict: Verdict, _ reason: String, replicas: Int) -> ReplicaPlan.ProfileRow {
      ReplicaPlan.ProfileRow(
        profile: profile, verdict: verdict, reasons: [reason], cpuPercent: cpuPercent,
        memoryPercent: memoryPercent, webReplicasThatFit: replicas,
        capacityRPS: Double(replicas) * demand.perReplica)
    }
    let target = NumberFormat.decimal(demand.targetRPS, places: 0)
    let web = demand.web
    let need =
      "\(demand.webReplicas) × \(web.name) at \(web.cpuMillicores)m / \(Quantities.quantity(bytes: web.memoryBytes)) "
      + "and the rest request \(cpuPercent) % of allocatable CPU and \(memoryPercent) % of memory"
    if demand.totalCPU * 5 <= cpu * 4 && demand.totalMemory * 5 <= memory * 4 {
      return row(
        .recommended, "\(need), leaving at least 20 % headroom for \(target) req/s", replicas: fitting)
    }
    if demand.totalCPU <= cpu && demand.totalMemory <= memory {
      return row(.minimum, "\(need): it fits, with under 20 % headroom", replicas: fitting)
    }
    if let busier = busierReplicas(demand, cpu: cpu, memory: memory, need: need) {
      return row(.minimum, busier.reason, replicas: busier.replicas)
    }
    let fewest = demand.fewestWebReplicas
    return row(
      .notRecommended,
      "\(need); even \(Quantities.count(fewest, "busier \(web.name) replica")) do not fit, so it cannot carry \(target) req/s "
        + "within the SLO (\(Quantities.count(fitting, "replica")) fit, about \(NumberFormat.decimal(Double(fitting) * demand.perReplica, places: 0)) req/s)",
      replicas: fitting)
  }

  /// Fewer, busier web replicas (each up to its throughput within the SLO) than planned: the fewest
  /// that fit next to the rest by their requests, or only by their mean use; `nil` when none do.
  private func busierReplicas(_ demand: Demand, cpu: Int64, memory: Int64, need: String)
    -> (replicas: Int, reason: String)?
  {
    let fewest = demand.fewestWebReplicas
    let web = demand.web
    for replicas in max(fewest, 1)..<max(demand.webReplicas, fewest + 1) {
      let load = demand.targetRPS / Double(replicas)
      let (request, mean) = demand.webCPUAt(load)
      let memoryNeed = demand.otherMemory.saturatingAdd(web.memoryBytes.saturatingMultiply(Int64(replicas)))
      guard memoryNeed <= memory else { continue }
      let busier = "\(replicas) × \(web.name) at \(NumberFormat.decimal(load, places: 1)) req/s each"
      if demand.otherCPU.saturatingAdd(request.saturatingMultiply(Int64(replicas))) <= cpu {
        return (
          replicas,
          "\(need), more than it has; \(busier) (\(request)m requested each) fit, running above the "
            + "\(NumberFormat.percent(utilisation, places: 0)) target utilisation"
        )
      }
      if demand.otherCPU.saturatingAdd(mean.saturatingMultiply(Int64(replicas))) <= cpu {
        return (
          replicas,
          "\(need), more than it has; \(busier) fit only by bursting: their mean use "
            + "(\(mean)m each) fits, their p90 × 1.15 requests (\(request)m each) do not"
        )
      }
    }
    return nil
  }
}
