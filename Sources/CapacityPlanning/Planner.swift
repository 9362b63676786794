import CapacityModel

/// Judges a deployment's requests against VPS profiles: percentages, verdict, reasons and a scale-down plan.
///
/// Pure and deterministic: the same deployment and profiles always give the same result, in profile order.
public struct Planner: Sendable {
  /// Requests above this share of allocatable (80 %) leave less than 20 % headroom.
  package static let headroomNumerator: Int128 = 4
  package static let headroomDenominator: Int128 = 5
  /// Removals the greedy scale-down tries before settling for one replica of everything.
  package static let maxScaleDownSteps = 1_000_000

  /// Creates a planner.
  public init() {}

  /// Fits the deployment's requests to each profile, in the order given.
  public func fit(_ deployment: Deployment, profiles: [Profile]) -> [ProfileFit] {
    let footprint = Footprint(deployment)
    return profiles.map { fit(deployment, footprint: footprint, profile: $0) }
  }

  private enum Resource: CaseIterable {
    case cpu, memory
  }

  /// CPU (millicores) and memory (bytes) amounts.
  private struct Amounts {
    var cpu: Int64
    var memory: Int64
    subscript(resource: Resource) -> Int64 { resource == .cpu ? cpu : memory }
  }

  private func fit(_ deployment: Deployment, footprint: Footprint, profile: Profile) -> ProfileFit {
    let allocatable = Amounts(
      cpu: profile.allocatableCPUMillicores, memory: profile.allocatableMemoryBytes)
    let requests = Amounts(
      cpu: footprint.cpuRequestMillicores, memory: footprint.memoryRequestBytes)
    let percent = Amounts(
      cpu: Percent.of(requests.cpu, in: allocatable.cpu).tenths,
      memory: Percent.of(requests.memory, in: allocatable.memory).tenths)
    var reasons: [String] = []
    var scaleDown: [ScaleDown] = []
    var fitsAfterScaleDown = true
    let verdict: Verdict
    let overflowing = Resource.allCases.filter { requests[$0] > allocatable[$0] }
    let tight = Resource.allCases.filter {
      Int128(requests[$0]) * Self.headroomDenominator > Int128(allocatable[$0])
        * Self.headroomNumerator
    }
    if !overflowing.isEmpty {
      verdict = .notRecommended
      for resource in overflowing {
        reasons.append(
          "\(name(resource)) requests \(format(requests[resource], resource)) exceed allocatable "
            + "\(format(allocatable[resource], resource)) by \(format(requests[resource] - allocatable[resource], resource))"
        )
      }
      let plan = scaleDownPlan(deployment, allocatable: allocatable)
      scaleDown = plan.steps
      fitsAfterScaleDown = plan.fits
      let belowFloor = plan.steps.compactMap { step -> String? in
        guard let autoscaler = deployment[step.component]?.autoscaler, step.to < autoscaler.minReplicas else {
          return nil
        }
        return "\(autoscaler.name) (minReplicas \(autoscaler.minReplicas))"
      }
      if !belowFloor.isEmpty {
        reasons.append(
          "the scale-down goes below the autoscaler floor of \(Quantities.list(belowFloor)): lower minReplicas too"
        )
      }
      if plan.fits {
        let after = Amounts(
          cpu: Percent.of(plan.requests.cpu, in: allocatable.cpu).tenths,
          memory: Percent.of(plan.requests.memory, in: allocatable.memory).tenths)
        reasons.append(
          "scaling down \(Quantities.list(plan.steps.map(\.description))) makes it fit, with cpu requests at "
            + "\(Percent(tenths: after.cpu)) % and memory requests at \(Percent(tenths: after.memory)) % of allocatable"
        )
      } else {
        for resource in Resource.allCases where plan.requests[resource] > allocatable[resource] {
          reasons.append(
            "even with every component at 1 replica, \(name(resource)) requests "
              + "\(format(plan.requests[resource], resource)) exceed allocatable \(format(allocatable[resource], resource)) "
              + "by \(format(plan.requests[resource] - allocatable[resource], resource))")
        }
      }
    } else if !tight.isEmpty {
      verdict = .minimum
      for resource in tight {
        reasons.append(
          "\(name(resource)) requests use \(Percent(tenths: percent[resource])) % of allocatable "
            + "\(format(allocatable[resource], resource)), leaving less than 20 % headroom")
      }
    } else {
      verdict = .recommended
      reasons.append(
        "cpu requests use \(Percent(tenths: percent.cpu)) % of allocatable \(format(allocatable.cpu, .cpu)) and memory "
          + "requests use \(Percent(tenths: percent.memory)) % of allocatable \(format(allocatable.memory, .memory)), "
          + "leaving at least 20 % headroom on both")
    }
    reasons += notes(deployment, footprint: footprint, profile: profile, allocatable: allocatable)
    let peak = peakFit(deployment, allocatable: allocatable)
    if let peak { reasons.append(peakReason(peak, allocatable: allocatable)) }
    let quota = profile.quota.map { quotaFit(deployment, name: $0) }
    if let quota { reasons.append(Self.quotaReason(quota)) }
    var result = ProfileFit(
      profile: profile, cpuRequestsPercent: Percent(tenths: percent.cpu),
      memoryRequestsPercent: Percent(tenths: percent.memory),
      cpuRequestsOfCapacityPercent: Percent.of(requests.cpu, in: profile.cpuMillicores),
      memoryRequestsOfCapacityPercent: Percent.of(requests.memory, in: profile.memoryBytes),
      verdict: verdict, reasons: reasons, scaleDown: scaleDown,
      fitsAfterScaleDown: fitsAfterScaleDown)
    result.peak = peak
    result.quota = quota
    return result
  }

  // MARK: - Autoscaler peak and profile quota

  /// Requests with each autoscaled component at `maxReplicas`; `nil` when no autoscaler raises any.
  private func peakFit(_ deployment: Deployment, allocatable: Amounts) -> PeakFit? {
    let raised = deployment.components.filter { $0.peakReplicas > $0.replicas }
    guard !raised.isEmpty else { return nil }
    var cpu: Int64 = 0
    var memory: Int64 = 0
    for component in deployment.components {
      let replicas = Int64(clamping: component.peakReplicas)
      cpu = cpu.saturatingAdd(component.cpuRequestMillicores.saturatingMultiply(replicas))
      memory = memory.saturatingAdd(component.memoryRequestBytes.saturatingMultiply(replicas))
    }
    return PeakFit(
      replicas: Dictionary(raised.map { ($0.name, $0.peakReplicas) }, uniquingKeysWith: max),
      cpuRequestMillicores: cpu, memoryRequestBytes: memory,
      cpuRequestsPercent: Percent.of(cpu, in: allocatable.cpu),
      memoryRequestsPercent: Percent.of(memory, in: allocatable.memory),
      fits: cpu <= allocatable.cpu && memory <= allocatable.memory)
  }

  private func peakReason(_ peak: PeakFit, allocatable: Amounts) -> String {
    let scaled = peak.replicas.keys.sorted().map { "\($0) at \(peak.replicas[$0] ?? 0)" }
    return
      "at the autoscaler peak (\(Quantities.list(scaled))) cpu requests are \(format(peak.cpuRequestMillicores, .cpu)) "
      + "(\(peak.cpuRequestsPercent) %) and memory requests \(format(peak.memoryRequestBytes, .memory)) "
      + "(\(peak.memoryRequestsPercent) %) of allocatable: "
      + (peak.fits ? "the peak fits" : "the peak does not fit")
  }

  private func quotaFit(_ deployment: Deployment, name: String) -> QuotaFit {
    let found = deployment.objects.contains {
      if case .quota(let quota) = $0.content { return quota.name == name }
      return false
    }
    guard found else { return QuotaFit(name: name, found: false, podsTried: 0, refused: []) }
    let pods = ClusterSimulator(objects: deployment.objects, quotaFromStart: name).run().view.pods
    return QuotaFit(name: name, found: true, podsTried: pods.count, refused: pods.filter { !$0.admitted })
  }

  package static func quotaReason(_ quota: QuotaFit) -> String {
    guard quota.found else {
      return "quota \(quota.name) is not among the manifests, so no pod could be checked against it"
    }
    guard let first = quota.refused.first else {
      return "with quota \(quota.name) in force, all \(quota.podsTried) pods are admitted"
    }
    return
      "with quota \(quota.name) in force, \(quota.refused.count) of \(quota.podsTried) pods are refused; the first, "
      + "\(first.workload) pod \(first.ordinal): \(first.message ?? "refused")"
  }

  /// Context that does not change the verdict: overhead, limit overcommit and missing requests.
  private func notes(
    _ deployment: Deployment, footprint: Footprint, profile: Profile, allocatable: Amounts
  ) -> [String] {
    var notes: [String] = []
    if profile.overhead.model != "none" {
      notes.append(
        "allocatable is \(format(allocatable.cpu, .cpu)) cpu and \(format(allocatable.memory, .memory)) memory after "
          + "\(profile.overhead.model) overhead of \(format(profile.overhead.cpuMillicores, .cpu)) and "
          + "\(format(profile.overhead.memoryBytes, .memory))")
    }
    if let limit = footprint.memoryLimitBytes, limit > allocatable.memory {
      notes.append(
        "memory limits \(format(limit, .memory)) exceed allocatable \(format(allocatable.memory, .memory)): "
          + "pods can be OOM-killed if they all use their limits")
    }
    if let limit = footprint.cpuLimitMillicores, limit > allocatable.cpu {
      notes.append(
        "cpu limits \(format(limit, .cpu)) exceed allocatable \(format(allocatable.cpu, .cpu)): "
          + "pods are throttled if they all use their limits")
    }
    let missing = deployment.components.filter { !$0.missingRequests.isEmpty }.map {
      "\($0.name) (\($0.missingRequests.joined(separator: ", ")))"
    }
    if !missing.isEmpty {
      notes.append(
        "requests missing for \(Quantities.list(missing)) count as 0, so the footprint understates the need"
      )
    }
    return notes
  }

  // MARK: - Scale-down

  /// Greedy scale-down: remove one replica at a time from a component with more than one, choosing the one
  /// whose removal lowers the most-overflowing resource (highest requests ÷ allocatable) most, ties by name,
  /// until both resources fit. When even one replica of everything does not fit, that floor is returned.
  private func scaleDownPlan(_ deployment: Deployment, allocatable: Amounts)
    -> (steps: [ScaleDown], fits: Bool, requests: Amounts)
  {
    let components = deployment.components
    let original = components.map(\.replicas)
    let floor = original.map { min($0, 1) }
    func totals(_ replicas: [Int]) -> Amounts {
      var sum = Amounts(cpu: 0, memory: 0)
      for (component, count) in zip(components, replicas) {
        sum.cpu = sum.cpu.saturatingAdd(
          component.cpuRequestMillicores.saturatingMultiply(Int64(clamping: count)))
        sum.memory = sum.memory.saturatingAdd(
          component.memoryRequestBytes.saturatingMultiply(Int64(clamping: count)))
      }
      return sum
    }
    func fits(_ amounts: Amounts) -> Bool {
      amounts.cpu <= allocatable.cpu && amounts.memory <= allocatable.memory
    }
    func steps(_ replicas: [Int]) -> [ScaleDown] {
      zip(components, zip(original, replicas)).filter { $0.1.0 != $0.1.1 }
        .map { ScaleDown(component: $0.0.name, from: $0.1.0, to: $0.1.1) }
        .sorted { $0.component < $1.component }
    }
    let floorRequests = totals(floor)
    guard fits(floorRequests) else { return (steps(floor), false, floorRequests) }

    var replicas = original
    var current = totals(replicas)
    var budget = Self.maxScaleDownSteps
    while !fits(current) {
      budget -= 1
      guard budget > 0 else { return (steps(floor), true, floorRequests) }
      let resource = mostOverflowing(current, allocatable: allocatable)
      var best: Int?
      for index in components.indices where replicas[index] > 1 {
        let amount = perPod(components[index], resource)
        guard amount > 0 else { continue }
        if let chosen = best {
          let chosenAmount = perPod(components[chosen], resource)
          if amount > chosenAmount
            || (amount == chosenAmount && components[index].name < components[chosen].name)
          {
            best = index
          }
        } else {
          best = index
        }
      }
      // Unreachable while the floor fits: an overflowing resource always has a component left to shrink.
      guard let best else { return (steps(floor), true, floorRequests) }
      replicas[best] -= 1
      current = totals(replicas)
    }
    return (steps(replicas), true, current)
  }

  private func perPod(_ component: Component, _ resource: Resource) -> Int64 {
    resource == .cpu ? component.cpuRequestMillicores : component.memoryRequestBytes
  }

  /// The overflowing resource with the highest requests ÷ allocatable ratio (compared exactly); CPU on a tie.
  private func mostOverflowing(_ amounts: Amounts, allocatable: Amounts) -> Resource {
    let cpuOver = amounts.cpu > allocatable.cpu
    let memoryOver = amounts.memory > allocatable.memory
    if cpuOver, memoryOver {
      let cpuRatio = Int128(amounts.cpu) * Int128(allocatable.memory)
      let memoryRatio = Int128(amounts.memory) * Int128(allocatable.cpu)
      return memoryRatio > cpuRatio ? .memory : .cpu
    }
    return cpuOver ? .cpu : .memory
  }

  // MARK: - Formatting

  private func name(_ resource: Resource) -> String { resource == .cpu ? "cpu" : "memory" }

  /// CPU as millicores (`3350m`), memory as a canonical binary quantity (`4608Mi`).
  private func format(_ amount: Int64, _ resource: Resource) -> String {
    resource == .cpu ? "\(amount)m" : Quantity.bytes(amount).description
  }

}
