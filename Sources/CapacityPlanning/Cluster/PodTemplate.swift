/// One container's `resources` after the API server's own defaulting (a request left out takes the limit).
public struct ContainerSpec: Sendable, Equatable {
  public var name: String
  /// A native sidecar: an init container with `restartPolicy: Always` (KEP-753).
  public var restartable: Bool
  public var requests: ResourceList
  public var limits: ResourceList

  public init(name: String, restartable: Bool = false, requests: ResourceList, limits: ResourceList) {
    self.name = name
    self.restartable = restartable
    self.requests = requests
    self.limits = limits
  }
}

/// The parts of a pod spec that admission and scheduling read.
public struct PodTemplate: Sendable, Equatable {
  public var containers: [ContainerSpec]
  public var initContainers: [ContainerSpec]
  /// `spec.overhead`, or the RuntimeClass's `overhead.podFixed` when the RuntimeClass admission sets it.
  public var overhead: ResourceList
  public var runtimeClassName: String?
  public var priorityClassName: String?
  public var activeDeadlineSeconds: Int64?

  public init(
    containers: [ContainerSpec], initContainers: [ContainerSpec] = [], overhead: ResourceList = [:],
    runtimeClassName: String? = nil, priorityClassName: String? = nil, activeDeadlineSeconds: Int64? = nil
  ) {
    self.containers = containers
    self.initContainers = initContainers
    self.overhead = overhead
    self.runtimeClassName = runtimeClassName
    self.priorityClassName = priorityClassName
    self.activeDeadlineSeconds = activeDeadlineSeconds
  }

  /// The effective pod request, as `resourcehelper.PodRequests` computes it for the scheduler and quota:
  /// max(Σ containers + Σ sidecars, for each init container in order: itself + the sidecars started before
  /// it), plus the pod overhead (Kubernetes docs, "Sidecar containers: resource sharing within containers").
  public var requests: ResourceList {
    var total = Self.effective(
      containers.map(\.requests), initContainers.map { ($0.requests, $0.restartable) })
    ResourceLists.add(&total, overhead)
    return total
  }

  /// The effective pod limit by the same rule; the overhead is added only to limits that are set.
  public var limits: ResourceList {
    var total = Self.effective(containers.map(\.limits), initContainers.map { ($0.limits, $0.restartable) })
    for (name, quantity) in overhead where total[name] != nil {
      total[name] = total[name]?.adding(quantity)
    }
    return total
  }

  /// QoS BestEffort: no container (init ones included) requests or limits cpu or memory (`qos.GetPodQOS`).
  public var isBestEffort: Bool {
    !(containers + initContainers).contains { container in
      ["cpu", "memory"].contains { container.requests[$0] != nil || container.limits[$0] != nil }
    }
  }

  /// `spec.activeDeadlineSeconds` ≥ 0 makes a pod Terminating for quota scopes.
  public var isTerminating: Bool { (activeDeadlineSeconds ?? -1) >= 0 }

  package static func effective(_ app: [ResourceList], _ initial: [(ResourceList, Bool)]) -> ResourceList {
    var total: ResourceList = [:]
    for list in app { ResourceLists.add(&total, list) }
    var sidecars: ResourceList = [:]
    var initPeak: ResourceList = [:]
    for (list, restartable) in initial {
      var during: ResourceList
      if restartable {
        ResourceLists.add(&total, list)
        ResourceLists.add(&sidecars, list)
        during = sidecars
      } else {
        during = list
        ResourceLists.add(&during, sidecars)
      }
      ResourceLists.max(&initPeak, during)
    }
    ResourceLists.max(&total, initPeak)
    return total
  }
}
