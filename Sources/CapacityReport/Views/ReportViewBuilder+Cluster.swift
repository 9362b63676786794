import CapacityModel
import CapacityPlanning

extension ReportViewBuilder {
  /// The "Quota and limits" section from `quota_and_limits`.
  package func withCluster(_ view: ReportView, _ document: ReportDocument) -> ReportView {
    guard let entry = document.quotaAndLimits else { return view }
    var view = view
    var summary: [String] = []
    for quota in entry.quotas {
      let scopes = quota.scopes.isEmpty ? "" : ", scopes \(quota.scopes.joined(separator: ", "))"
      summary.append(
        "ResourceQuota \(quota.name) (\(quota.namespace)\(scopes)): hard \(Self.pretty(quota.hard)); used "
          + "\(Self.pretty(quota.used)); \(quota.podsBeforeQuota) pod(s) were already running when it was created "
          + "and count as used")
    }
    for range in entry.limitRanges {
      for item in range.items {
        let parts = [
          ("default", item.default), ("defaultRequest", item.defaultRequest), ("min", item.min),
          ("max", item.max),
          ("maxLimitRequestRatio", item.maxLimitRequestRatio),
        ].filter { !$0.1.isEmpty }.map { "\($0.0) \(Self.pretty($0.1))" }
        summary.append(
          "LimitRange \(range.name) (\(range.namespace)), \(item.type): \(parts.joined(separator: "; "))")
      }
    }
    for autoscaler in entry.autoscalers {
      summary.append(
        "HorizontalPodAutoscaler \(autoscaler.name) scales \(autoscaler.target) between \(autoscaler.minReplicas) "
          + "and \(autoscaler.maxReplicas) replicas"
          + (autoscaler.matched ? "" : " (the target is not in the manifests)"))
    }
    for job in entry.batch {
      summary.append(
        "\(job.kind) \(job.name): \(job.pods) pod(s) of \(Quantities.millicores(job.cpuMillicores)) CPU and "
          + "\(Quantities.quantity(bytes: job.memoryBytes)) memory\(job.schedule.map { ", schedule \($0)" } ?? ""), "
          + "not in the steady footprint")
    }
    if !entry.ignored.isEmpty {
      summary.append(
        "Ignored (run no pods): " + entry.ignored.map { "\($0.kind) \($0.name)" }.joined(separator: ", "))
    }
    view.hasQuota = true
    view.quotaSummary = summary + entry.notes
    view.quotaDefaults = entry.defaultsApplied.map { "\($0.workload): \($0.text)" }
    view.quotaViolations = (entry.violations + entry.objectRefusals).map { "\($0.workload): \($0.text)" }
    view.hasQuotaPods = !entry.quotas.isEmpty || !entry.limitRanges.isEmpty
    view.quotaPods = entry.workloads.map {
      ReportView.QuotaPodRow(
        workload: $0.workload, namespace: $0.namespace, admitted: "\($0.admitted)", refused: "\($0.refused)",
        firstRefusal: $0.firstRefusal ?? "–")
    }
    return view
  }

  private static func pretty(_ list: [String: String]) -> String {
    list.keys.sorted().map { "\($0)=\(list[$0] ?? "")" }.joined(separator: ",")
  }
}
