import CapacityPlanning

extension ReportBuilder {
  /// `capacity plan --json`.
  public func planDocument(_ plan: CapacityPlan) -> PlanDocument {
    PlanDocument(
      footprint: plan.deployment.map(footprintEntry), profiles: profileEntries(plan),
      quotaAndLimits: plan.deployment?.cluster.map(quotaEntry))
  }

  package func quotaEntry(_ view: ClusterView) -> ReportDocument.QuotaAndLimitsEntry {
    func strings(_ list: ResourceList) -> [String: String] { list.mapValues(\.description) }
    func note(_ note: ClusterView.Note) -> ReportDocument.NoteEntry {
      .init(workload: note.workload, namespace: note.namespace, text: note.text)
    }
    var workloads: [ReportDocument.WorkloadAdmissionEntry] = []
    for pod in view.pods {
      if let index = workloads.firstIndex(where: {
        $0.workload == pod.workload && $0.namespace == pod.namespace
      }) {
        workloads[index].admitted += pod.admitted ? 1 : 0
        workloads[index].refused += pod.admitted ? 0 : 1
        if workloads[index].firstRefusal == nil { workloads[index].firstRefusal = pod.message }
      } else {
        workloads.append(
          .init(
            workload: pod.workload, namespace: pod.namespace, admitted: pod.admitted ? 1 : 0,
            refused: pod.admitted ? 0 : 1, firstRefusal: pod.message))
      }
    }
    return ReportDocument.QuotaAndLimitsEntry(
      namespaces: view.namespaces,
      quotas: view.quotas.map {
        .init(
          name: $0.quota.name, namespace: $0.quota.namespace, scopes: $0.quota.scopes.map(\.description),
          hard: strings($0.quota.hard), used: strings($0.used), podsBeforeQuota: $0.podsBeforeQuota)
      },
      limitRanges: view.limitRanges.map { range in
        .init(
          name: range.name, namespace: range.namespace,
          items: range.items.map {
            .init(
              type: $0.type, default: strings($0.defaultLimits), defaultRequest: strings($0.defaultRequests),
              min: strings($0.min), max: strings($0.max),
              maxLimitRequestRatio: strings($0.maxLimitRequestRatio))
          })
      },
      defaultsApplied: view.defaults.map(note), violations: view.violations.map(note),
      objectRefusals: view.objectRefusals.map(note), workloads: workloads, pods: view.pods.map(Self.podEntry),
      autoscalers: view.autoscalers.map {
        .init(
          name: $0.name, namespace: $0.namespace, target: $0.target, minReplicas: $0.minReplicas,
          maxReplicas: $0.maxReplicas, matched: $0.matched)
      },
      batch: view.batch.map {
        .init(
          name: $0.name, kind: $0.kind, namespace: $0.namespace, pods: $0.pods,
          cpuMillicores: $0.cpuMillicores,
          memoryBytes: $0.memoryBytes, schedule: $0.schedule)
      },
      ignored: view.ignored.map { .init(kind: $0.kind, name: $0.name, file: $0.file) }, notes: view.notes)
  }

  package static func podEntry(_ pod: ClusterView.Pod) -> ReportDocument.PodEntry {
    .init(
      workload: pod.workload, kind: pod.kind, namespace: pod.namespace, ordinal: pod.ordinal,
      phase: pod.phase.rawValue, admitted: pod.admitted, refusedBy: pod.refusedBy, message: pod.message)
  }
}
