import CapacityKit

/// `capacity plan` and `capacity profiles` output. Amounts in Kubernetes notation throughout: `250m`, `512Mi`, `1Gi`.
enum PlanFormatter {
  static func profiles(_ profiles: [Profile]) -> String {
    var lines = ["NAME          CPU   MEMORY     OVERHEAD"]
    for profile in profiles {
      let overhead = profile.overhead.summary
      lines.append(
        RunListFormatter.pad(profile.name, 13) + " "
          + RunListFormatter.pad(Quantities.cpu(profile.cpuMillicores), 5)
          + " " + RunListFormatter.pad(Quantities.quantity(bytes: profile.memoryBytes), 10) + " " + overhead
          + (profile.quota.map { "  quota \($0)" } ?? ""))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func table(_ plan: CapacityPlan) -> String {
    guard let deployment = plan.deployment else { return "no deployment\n" }
    var lines = ["COMPONENT           KIND          REPLICAS  CPU/REPLICA  MEM/REPLICA  NAMESPACE"]
    for component in deployment.components {
      var replicas = "\(component.replicas)"
      if let autoscaler = component.autoscaler {
        replicas += " (hpa \(autoscaler.minReplicas)–\(autoscaler.maxReplicas))"
      } else if component.isScaledDown {
        replicas += " (scaled down)"
      }
      var row = [
        RunListFormatter.pad(component.name, 19), RunListFormatter.pad(component.kind, 13),
        RunListFormatter.lpad(replicas, 8),
        RunListFormatter.lpad(Quantities.millicores(component.cpuRequestMillicores), 12),
        RunListFormatter.lpad(Quantities.quantity(bytes: component.memoryRequestBytes), 12),
        component.namespace ?? "-",
      ].joined(separator: " ")
      if let storage = component.ephemeralStorageRequestBytes {
        row += "  ephemeral-storage \(Quantities.quantity(bytes: storage))"
      }
      lines.append(row)
    }
    let footprint = Footprint(deployment)
    lines.append(
      "total requests: \(Quantities.millicores(footprint.cpuRequestMillicores)) CPU, "
        + "\(Quantities.quantity(bytes: footprint.memoryRequestBytes)) memory")
    if deployment.components.contains(where: { $0.peakReplicas > $0.replicas }) {
      let peak = Footprint(deployment, atPeak: true)
      lines.append(
        "at the autoscaler peak (maxReplicas): \(Quantities.millicores(peak.cpuRequestMillicores)) CPU, "
          + "\(Quantities.quantity(bytes: peak.memoryRequestBytes)) memory")
    }
    if let cluster = deployment.cluster, !cluster.isEmpty { lines += [""] + quotaSection(cluster) }
    lines.append("")
    for fit in plan.fits {
      lines.append(
        "\(RunListFormatter.pad(fit.profile.name, 10)) cpu \(fit.cpuRequestsPercent) %  memory "
          + "\(fit.memoryRequestsPercent) %  \(fit.verdict.rawValue)")
      for reason in fit.reasons { lines.append("    - \(reason)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The "Quota and limits" block: quotas, LimitRange defaults and violations, refused pods, autoscalers,
  /// batch work and ignored objects.
  static func quotaSection(_ cluster: ClusterView) -> [String] {
    var lines = ["Quota and limits (namespaces: \(cluster.namespaces.joined(separator: ", ")))"]
    for state in cluster.quotas {
      let scopes =
        state.quota.scopes.isEmpty
        ? "" : " scopes \(state.quota.scopes.map(\.description).joined(separator: ", "))"
      lines.append(
        "  ResourceQuota \(state.quota.name) (\(state.quota.namespace))\(scopes): hard \(pretty(state.quota.hard)); "
          + "used \(pretty(state.used)); \(state.podsBeforeQuota) pod(s) already running when it was created")
    }
    for range in cluster.limitRanges {
      for item in range.items {
        var parts: [String] = []
        for (label, list) in [
          ("default", item.defaultLimits), ("defaultRequest", item.defaultRequests), ("min", item.min),
          ("max", item.max), ("maxLimitRequestRatio", item.maxLimitRequestRatio),
        ] where !list.isEmpty {
          parts.append("\(label) \(pretty(list))")
        }
        lines.append(
          "  LimitRange \(range.name) (\(range.namespace)) \(item.type): \(parts.joined(separator: "; "))")
      }
    }
    for note in cluster.defaults { lines.append("  default applied to \(note.workload): \(note.text)") }
    for note in cluster.violations { lines.append("  VIOLATION \(note.workload): \(note.text)") }
    for note in cluster.objectRefusals { lines.append("  REFUSED object \(note.workload): \(note.text)") }
    let tried = cluster.pods.count
    let refused = cluster.refusedPods
    if tried > 0 {
      lines.append("  pods: \(tried - refused.count) of \(tried) admitted, \(refused.count) refused")
    }
    for pod in refused {
      let phase = pod.phase == .peak ? " (autoscaler peak)" : ""
      lines.append("  REFUSED \(pod.workload) pod \(pod.ordinal)\(phase): \(pod.message ?? "")")
    }
    for autoscaler in cluster.autoscalers {
      lines.append(
        "  HorizontalPodAutoscaler \(autoscaler.name) → \(autoscaler.target): \(autoscaler.minReplicas)–\(autoscaler.maxReplicas) replicas"
          + (autoscaler.matched ? "" : " (target not in the manifests)"))
    }
    for job in cluster.batch {
      lines.append(
        "  \(job.kind) \(job.name): \(job.pods) pod(s) of \(Quantities.millicores(job.cpuMillicores)) CPU, "
          + "\(Quantities.quantity(bytes: job.memoryBytes)) memory\(job.schedule.map { ", schedule \($0)" } ?? ""); "
          + "not in the steady footprint")
    }
    if !cluster.ignored.isEmpty {
      lines.append("  ignored (run no pods): " + ignoredSummary(cluster.ignored))
    }
    for note in cluster.notes { lines.append("  note: \(note)") }
    return lines
  }

  /// `2 Service (web, api), 1 ConfigMap (settings)`.
  static func ignoredSummary(_ ignored: [ClusterView.Ignored]) -> String {
    var kinds: [String] = []
    var names: [String: [String]] = [:]
    for object in ignored {
      if names[object.kind] == nil { kinds.append(object.kind) }
      names[object.kind, default: []].append(object.name)
    }
    return kinds.map { "\(names[$0]?.count ?? 0) \($0) (\((names[$0] ?? []).joined(separator: ", ")))" }
      .joined(separator: ", ")
  }

  private static func pretty(_ list: ResourceList) -> String {
    list.keys.sorted().map { "\($0)=\(list[$0]?.description ?? "0")" }.joined(separator: ",")
  }
}
