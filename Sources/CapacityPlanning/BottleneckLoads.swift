import CapacityAnalysis

/// Turns measured resource use per load step into `ComponentLoad`s, so the saturation analysis can
/// name the component nearest its limit at the saturation point.
///
/// A component's limit is its manifest limit × replicas (its request when it sets no limit); without
/// a manifest entry, CPU is measured against the host's CPUs. The load generator and the node as a
/// whole are not candidates: they are context, not parts of the deployment.
public struct BottleneckLoads: Sendable {
  public init() {}

  /// Loads per run id.
  public func loads(
    _ resources: ResourceAnalysis, deployment: Deployment?, hostCPUMillicores: Double?
  ) -> [String: [ComponentLoad]] {
    var result: [String: [ComponentLoad]] = [:]
    for run in resources.runs {
      result[run.runID] = run.steps.flatMap { step -> [ComponentLoad] in
        let components = Set(step.usage.map(\.component)).subtracting(["loadgen", "node"]).sorted()
        return components.compactMap { name -> ComponentLoad? in
          let component = deployment?[name]
          let cpu = step.usage.first { $0.component == name && $0.metric == .cpu }?.summary.p95
          let memory = step.usage.first { $0.component == name && $0.metric == .memory }?.summary.max
          let cpuLimit =
            component.map { Double(($0.cpuLimitMillicores ?? $0.cpuRequestMillicores) * Int64($0.replicas)) }
            ?? hostCPUMillicores
          let memoryLimit = component.map {
            Double(($0.memoryLimitBytes ?? $0.memoryRequestBytes) * Int64($0.replicas))
          }
          let cpuShare = cpu.flatMap { value in cpuLimit.flatMap { $0 > 0 ? value / $0 : nil } }
          let memoryShare = memory.flatMap { value in memoryLimit.flatMap { $0 > 0 ? value / $0 : nil } }
          guard cpuShare != nil || memoryShare != nil else { return nil }
          return ComponentLoad(
            component: name, users: step.users, cpuShare: cpuShare, memoryShare: memoryShare)
        }
      }
    }
    return result
  }
}
