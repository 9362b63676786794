import CapacityAnalysis
import CapacityModel

extension ReplicaRecommender {
  /// Step 4, requests per replica: each component's rows, and the web replica's CPU at any load
  /// (for judging fewer, busier replicas). `nil` when the web component has neither resource
  /// samples nor a manifest.
  func componentRows(
    deployment: Deployment?, web: String, load: TargetPlan, resources: ResourceAnalysis, valid: [RunAnalysis]
  ) -> (rows: [ReplicaPlan.ComponentRow], webCPUAt: (Double) -> (request: Int64, mean: Int64))? {
    var rows: [ReplicaPlan.ComponentRow] = []
    var webCPUAt: (Double) -> (request: Int64, mean: Int64) = { _ in (0, 0) }
    for name in componentNames(deployment, web: web, resources: resources) {
      let manifest = deployment?[name]
      let measured = Double(resources.mapper.measuredReplicas[name] ?? 1)
      if name == web {
        webCPUAt = webCPU(
          name, manifest: manifest, measuredReplicas: measured, resources: resources, valid: valid)
      }
      guard
        let row = componentRow(
          name, replicas: name == web ? load.webReplicas : (manifest?.replicas ?? 1), manifest: manifest,
          load: name == web ? load.loadPerReplica : nil, measuredReplicas: measured, resources: resources,
          valid: valid)
      else {
        if name == web { return nil }
        continue
      }
      rows.append(row)
    }
    return (rows, webCPUAt)
  }

  /// The deployment's components and the web one; without manifests, every measured application
  /// component too.
  private func componentNames(_ deployment: Deployment?, web: String, resources: ResourceAnalysis) -> [String]
  {
    let measuredNames = Set(
      resources.runs.flatMap { $0.usage.map(\.component) }.filter(ComponentRole.isApplication))
    var names = deployment?.components.map(\.name) ?? []
    if !names.contains(web) { names.append(web) }
    if deployment == nil { names += measuredNames.subtracting(names).sorted() }
    return names
  }

  /// One component's requests per replica: CPU p90 × 1.15 (at `load` for the web component), memory
  /// peak × 1.15, the manifest's where nothing was measured; `nil` with neither.
  private func componentRow(
    _ name: String, replicas: Int, manifest: Component?, load: Double?, measuredReplicas: Double,
    resources: ResourceAnalysis, valid: [RunAnalysis]
  ) -> ReplicaPlan.ComponentRow? {
    let cpu = measuredCPU(name, load: load, replicas: measuredReplicas, resources: resources, analyses: valid)
      .map { (Int64(($0.value * Self.cpuMargin).rounded(.up)), $0.how) }
    let memory = peakMemory(name, resources: resources, analyses: valid)
      .map { Self.roundUpToMebibyte($0 / measuredReplicas * Self.memoryMargin) }
    guard cpu != nil || manifest != nil else { return nil }
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
    return ReplicaPlan.ComponentRow(
      name: name, replicas: replicas, cpuMillicores: cpuRequest, memoryBytes: memoryRequest,
      manifestCPUMillicores: manifest?.cpuRequestMillicores,
      manifestMemoryBytes: manifest?.memoryRequestBytes,
      basis: basis, derivation: derivation.joined(separator: "; "))
  }

  /// The web replica's CPU request (p90 × 1.15) and mean use at a load, millicores; the manifest's
  /// request for both without samples.
  private func webCPU(
    _ name: String, manifest: Component?, measuredReplicas: Double, resources: ResourceAnalysis,
    valid: [RunAnalysis]
  ) -> (Double) -> (request: Int64, mean: Int64) {
    { load in
      guard
        let estimate = measuredCPU(
          name, load: load, replicas: measuredReplicas, resources: resources, analyses: valid)
      else { return (manifest?.cpuRequestMillicores ?? 0, manifest?.cpuRequestMillicores ?? 0) }
      return (Int64((estimate.value * Self.cpuMargin).rounded(.up)), Int64(estimate.mean.rounded(.up)))
    }
  }

  /// p90 (and mean) CPU of one replica of `component`, millicores: at `load` req/s per replica when
  /// given (the base share of the measured replicas plus the per-request cost of the cost line over
  /// the most points, or the heaviest valid run's use scaled to that load), else the heaviest valid
  /// run's use split over the `replicas` measured.
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
