import CapacityModel

/// Replays the manifests through admission the way an API server would see `kubectl apply` of them in
/// order: LimitRanger defaults and checks for every pod of a namespace, then the ResourceQuota admission
/// (staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go, `checkRequest`) pod by pod.
///
/// A quota counts what already runs in its namespace when it is created (as the quota controller does) and
/// checks only what comes after it; with `quotaFromStart` one named quota is in force before any object
/// instead, which is how a quota stands in for a VPS.
package struct ClusterSimulator {
  package var objects: [ManifestObject]
  /// Only this quota, in force from the start; `nil` replays every quota where it appears.
  package var quotaFromStart: String?
  /// Pods replayed per workload and phase; beyond it (absurd replica counts) the rest are left out, with a note.
  package static let maxPodsPerWorkload = 10_000

  /// What the simulation produced: the view and each workload's pod template after LimitRanger.
  package struct Result {
    package var view: ClusterView
    /// Keyed by object index in `objects`.
    package var admittedTemplates: [Int: LimitRanger.Outcome]
    /// Steady replicas per object index (HPA minReplicas where one targets the workload).
    package var steadyReplicas: [Int: Int]
    package var autoscalers: [Int: AutoscalerSpec]
  }

  private struct Charge {
    var usage: ResourceList
    var pod: PodTemplate?
  }

  private struct ActiveQuota {
    var quota: ResourceQuota
    var used: ResourceList
    var podsBefore: Int
  }

  /// Namespaced policies read before the replay: LimitRanges, RuntimeClass overheads, autoscalers by target.
  private struct Policies {
    var ranges: [String: [LimitRange]] = [:]
    var runtimeOverhead: [String: ResourceList] = [:]
    /// `namespace/Kind/name` of the target → the autoscaler's name and spec.
    var autoscalers: [String: (name: String, spec: AutoscalerSpec)] = [:]
  }

  /// The replay's running state.
  private struct State {
    var result: Result
    var quotas: [String: [ActiveQuota]] = [:]
    var charges: [String: [Charge]] = [:]
    var peakPods: [(index: Int, from: Int, to: Int)] = []
  }

  package func run() -> Result {
    var view = ClusterView()
    view.namespaces = Array(Set(objects.map(\.namespace).filter { !$0.isEmpty })).sorted()
    let policies = readPolicies(&view)
    var state = State(
      result: Result(view: view, admittedTemplates: [:], steadyReplicas: [:], autoscalers: [:]))
    for object in objects {
      if case .quota(let quota) = object.content, quota.name == quotaFromStart {
        state.quotas[quota.namespace, default: []].append(ActiveQuota(quota: quota, used: [:], podsBefore: 0))
      }
    }
    for index in objects.indices { replay(index, policies: policies, state: &state) }
    for (index, from, to) in state.peakPods {
      let object = objects[index]
      guard let outcome = state.result.admittedTemplates[index] else { continue }
      let last = min(to, from + Self.maxPodsPerWorkload - 1)
      if last < to { state.result.view.notes.append(Self.capNote(object.name, to - from + 1)) }
      for ordinal in from...last {
        state.result.view.pods.append(
          admitPod(
            object, ordinal: ordinal, phase: .peak, outcome: outcome,
            quotas: &state.quotas[object.namespace, default: []]))
      }
    }
    state.result.view.quotas = state.quotas.keys.sorted().flatMap { namespace in
      (state.quotas[namespace] ?? []).map {
        ClusterView.QuotaState(quota: $0.quota, used: $0.used, podsBeforeQuota: $0.podsBefore)
      }
    }
    describeAutoscalers(policies, result: &state.result)
    return state.result
  }

  private func readPolicies(_ view: inout ClusterView) -> Policies {
    var policies = Policies()
    for object in objects {
      switch object.content {
      case .limitRange(let range):
        policies.ranges[range.namespace, default: []].append(range)
        view.limitRanges.append(range)
      case .runtimeClass(let overhead): policies.runtimeOverhead[object.name] = overhead
      case .autoscaler(let spec):
        policies.autoscalers["\(object.namespace)/\(spec.targetKind)/\(spec.targetName)"] = (
          object.name, spec
        )
      default: break
      }
    }
    return policies
  }

  /// One object in manifest order: a quota starts counting; anything namespaced is charged to `count/…`
  /// quotas; a workload goes through LimitRanger and has its pods admitted one by one.
  private func replay(_ index: Int, policies: Policies, state: inout State) {
    let object = objects[index]
    let namespace = object.namespace
    if case .quota(let quota) = object.content {
      if quotaFromStart == nil {
        state.quotas[namespace, default: []].append(activate(quota, charges: state.charges[namespace] ?? []))
      }
      return
    }
    guard !namespace.isEmpty else { return }
    var outcome: LimitRanger.Outcome?
    if case .workload(let spec) = object.content {
      let admitted = limitRanger(spec.pod, namespace: namespace, policies: policies)
      state.result.admittedTemplates[index] = admitted
      outcome = admitted
      for text in admitted.defaults {
        state.result.view.defaults.append(.init(workload: object.name, namespace: namespace, text: text))
      }
      for text in admitted.violations {
        state.result.view.violations.append(.init(workload: object.name, namespace: namespace, text: text))
      }
    }
    if let refusal = chargeObject(object, quotas: &state.quotas[namespace, default: []]) {
      state.result.view.objectRefusals.append(
        .init(workload: object.name, namespace: namespace, text: refusal))
      return
    }
    state.charges[namespace, default: []].append(
      contentsOf: object.countResources.map { Charge(usage: [$0: .one], pod: nil) })
    guard case .workload(let spec) = object.content, let outcome else { return }
    if object.kind == "Deployment" {
      let replicaSet = ManifestObject(
        kind: "ReplicaSet", apiVersion: "apps/v1", name: object.name, namespace: namespace, file: object.file,
        content: .other)
      if chargeObject(replicaSet, quotas: &state.quotas[namespace, default: []]) == nil {
        state.charges[namespace, default: []].append(
          Charge(usage: ["count/replicasets.apps": .one], pod: nil))
      }
    }
    createPods(index, spec: spec, outcome: outcome, policies: policies, state: &state)
  }

  /// The pod template after RuntimeClass overhead and the namespace's LimitRanges.
  private func limitRanger(_ pod: PodTemplate, namespace: String, policies: Policies) -> LimitRanger.Outcome {
    var template = pod
    if template.overhead.isEmpty, let runtime = template.runtimeClassName,
      let overhead = policies.runtimeOverhead[runtime]
    {
      template.overhead = overhead
    }
    return LimitRanger(limitRanges: policies.ranges[namespace] ?? []).admit(template)
  }

  /// The steady pods (an autoscaler's minReplicas where one targets the workload; a Job's parallelism),
  /// each admitted or refused; the autoscaler's extra pods are queued for the peak phase.
  private func createPods(
    _ index: Int, spec: WorkloadSpec, outcome: LimitRanger.Outcome, policies: Policies, state: inout State
  ) {
    let object = objects[index]
    let namespace = object.namespace
    let (steady, phase) = steadyPods(object, spec: spec)
    var replicas = steady
    if let autoscaler = policies.autoscalers["\(namespace)/\(object.kind)/\(object.name)"] {
      state.result.autoscalers[index] = autoscaler.spec
      if steady > 0 {
        replicas = autoscaler.spec.minReplicas
        if autoscaler.spec.maxReplicas > replicas {
          state.peakPods.append((index, replicas + 1, autoscaler.spec.maxReplicas))
        }
      }
    }
    state.result.steadyReplicas[index] = replicas
    var podCount = object.kind == "Job" ? spec.parallelism ?? 1 : replicas
    if podCount > Self.maxPodsPerWorkload {
      state.result.view.notes.append(Self.capNote(object.name, podCount))
      podCount = Self.maxPodsPerWorkload
    }
    for ordinal in stride(from: 1, through: podCount, by: 1) {
      let pod = admitPod(
        object, ordinal: ordinal, phase: phase, outcome: outcome,
        quotas: &state.quotas[namespace, default: []])
      if pod.admitted {
        state.charges[namespace, default: []].append(
          Charge(usage: ResourceQuota.usage(outcome.pod), pod: outcome.pod))
      }
      state.result.view.pods.append(pod)
    }
  }

  package static func capNote(_ workload: String, _ pods: Int) -> String {
    "only the first \(maxPodsPerWorkload) of \(workload)'s \(pods) pods are replayed through the quotas"
  }

  private func describeAutoscalers(_ policies: Policies, result: inout Result) {
    for (key, autoscaler) in policies.autoscalers.sorted(by: { $0.key < $1.key }) {
      let matched = result.autoscalers.values.contains { $0 == autoscaler.spec }
      let target = "\(autoscaler.spec.targetKind)/\(autoscaler.spec.targetName)"
      result.view.autoscalers.append(
        .init(
          name: autoscaler.name, namespace: String(key.split(separator: "/").first ?? ""), target: target,
          minReplicas: autoscaler.spec.minReplicas, maxReplicas: autoscaler.spec.maxReplicas, matched: matched
        ))
      if !matched {
        result.view.notes.append(
          "HorizontalPodAutoscaler \(autoscaler.name) targets \(target), which is not in the manifests")
      }
    }
  }

  /// Pods the workload runs in the steady state, and whether they are Job pods.
  private func steadyPods(_ object: ManifestObject, spec: WorkloadSpec) -> (Int, ClusterView.Pod.Phase) {
    switch object.kind {
    case "Job": (0, .job)
    case "CronJob": (0, .job)
    case "DaemonSet", "Pod": (1, .steady)
    default: (spec.replicas ?? 1, .steady)
    }
  }

  /// A new quota: `status.used` recomputed from what already runs in its namespace (the quota controller).
  private func activate(_ quota: ResourceQuota, charges: [Charge]) -> ActiveQuota {
    var used: ResourceList = [:]
    for name in quota.hard.keys { used[name] = .zero }
    var podsBefore = 0
    for charge in charges {
      if let pod = charge.pod {
        guard quota.matches(pod) == true else { continue }
        podsBefore += 1
      } else if !quota.scopes.isEmpty {
        continue
      }
      ResourceLists.add(&used, ResourceLists.mask(charge.usage, Set(quota.hard.keys)))
    }
    return ActiveQuota(quota: quota, used: used, podsBefore: podsBefore)
  }

  /// Charges one object to its `count/…` quotas; the refusal message when one is full.
  private func chargeObject(_ object: ManifestObject, quotas: inout [ActiveQuota]) -> String? {
    let usage = Dictionary(
      object.countResources.map { ($0, Quantity.one) }, uniquingKeysWith: { first, _ in first })
    return charge(usage, onlyUnscoped: true, pod: nil, quotas: &quotas)?.message
  }

  private func admitPod(
    _ object: ManifestObject, ordinal: Int, phase: ClusterView.Pod.Phase, outcome: LimitRanger.Outcome,
    quotas: inout [ActiveQuota]
  ) -> ClusterView.Pod {
    var pod = ClusterView.Pod(
      workload: object.name, kind: object.kind, namespace: object.namespace, ordinal: ordinal, phase: phase,
      admitted: true, refusedBy: nil, message: nil)
    if !outcome.violations.isEmpty {
      pod.admitted = false
      pod.refusedBy = "LimitRange"
      pod.message = "[" + outcome.violations.joined(separator: ", ") + "]"
      return pod
    }
    if let refusal = charge(
      ResourceQuota.usage(outcome.pod), onlyUnscoped: false, pod: outcome.pod, quotas: &quotas)
    {
      pod.admitted = false
      pod.refusedBy = "quota \(refusal.quota)"
      pod.message = refusal.message
    }
    return pod
  }

  /// `checkRequest`: every matching quota, in name order, must hold used + requested ≤ hard for the
  /// resources it tracks; the first that does not refuses with its numbers, and nothing is charged.
  private func charge(
    _ usage: ResourceList, onlyUnscoped: Bool, pod: PodTemplate?, quotas: inout [ActiveQuota]
  ) -> (quota: String, message: String)? {
    var updates: [(Int, ResourceList)] = []
    for index in quotas.indices.sorted(by: { quotas[$0].quota.name < quotas[$1].quota.name }) {
      let quota = quotas[index].quota
      let hardNames = Set(quota.hard.keys)
      if let pod {
        guard quota.matches(pod) == true else { continue }
        guard !hardNames.intersection(ResourceQuota.podResources).isEmpty else { continue }
        if let missing = quota.missingResources(pod) {
          return (quota.name, "failed quota: \(quota.name): \(missing)")
        }
      } else if onlyUnscoped, !quota.scopes.isEmpty {
        continue
      }
      let requested = ResourceLists.mask(usage, hardNames)
      guard !requested.isEmpty else { continue }
      var newUsage = quotas[index].used
      ResourceLists.add(&newUsage, requested)
      let exceeded = Set(
        requested.keys.filter { name in (newUsage[name] ?? .zero) > (quota.hard[name] ?? .zero) })
      if !exceeded.isEmpty {
        var used = ResourceLists.mask(quotas[index].used, exceeded)
        for name in exceeded where used[name] == nil { used[name] = .zero }
        return (
          quota.name,
          "exceeded quota: \(quota.name), requested: \(ResourceLists.pretty(ResourceLists.mask(requested, exceeded))), "
            + "used: \(ResourceLists.pretty(used)), limited: \(ResourceLists.pretty(ResourceLists.mask(quota.hard, exceeded)))"
        )
      }
      updates.append((index, newUsage))
    }
    for (index, newUsage) in updates { quotas[index].used = newUsage }
    return nil
  }
}

extension Quantity {
  /// One, printed as `1`.
  package static let one = Quantity(nanoValue: Quantity.nanoPerUnit, format: .decimalSI)
}
