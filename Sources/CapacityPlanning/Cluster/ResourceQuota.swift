import CapacityModel

/// A `ResourceQuota` of one namespace: `spec.hard`, and the scopes that pick the pods it counts.
public struct ResourceQuota: Sendable, Equatable {
  /// One `scopeSelector.matchExpressions` entry; a plain `scopes:` entry is `Exists`.
  public struct Scope: Sendable, Equatable {
    /// `BestEffort`, `NotBestEffort`, `Terminating`, `NotTerminating`, `PriorityClass`…
    public var name: String
    /// `In`, `NotIn`, `Exists`, `DoesNotExist`.
    public var op: String
    public var values: [String]

    public init(name: String, op: String = "Exists", values: [String] = []) {
      self.name = name
      self.op = op
      self.values = values
    }

    public var description: String {
      op == "Exists" ? name : "\(name) \(op) [\(values.joined(separator: ", "))]"
    }
  }

  public var name: String
  public var namespace: String
  public var hard: ResourceList
  public var scopes: [Scope]

  public init(name: String, namespace: String, hard: ResourceList, scopes: [Scope] = []) {
    self.name = name
    self.namespace = namespace
    self.hard = hard
    self.scopes = scopes
  }

  /// The compute and count resources the pod evaluator charges (pkg/quota/v1/evaluator/core/pods.go).
  package static let podResources: Set<String> = [
    "pods", "count/pods", "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory",
    "requests.ephemeral-storage", "limits.cpu", "limits.memory", "limits.ephemeral-storage",
  ]
  /// Resources each container must set once a quota tracks them (the pod evaluator's `validationSet`).
  package static let validationSet: Set<String> = [
    "cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory",
  ]

  /// Whether every scope matches the pod (`podMatchesScopeFunc`); `nil` for a scope this tool cannot judge.
  package func matches(_ pod: PodTemplate) -> Bool? {
    for scope in scopes {
      let match: Bool
      switch scope.name {
      case "Terminating": match = pod.isTerminating
      case "NotTerminating": match = !pod.isTerminating
      case "BestEffort": match = pod.isBestEffort
      case "NotBestEffort": match = !pod.isBestEffort
      case "PriorityClass":
        let value = pod.priorityClassName ?? ""
        switch scope.op {
        case "Exists": match = !value.isEmpty
        case "DoesNotExist": match = value.isEmpty
        case "In": match = !value.isEmpty && scope.values.contains(value)
        case "NotIn": match = value.isEmpty || !scope.values.contains(value)
        default: return nil
        }
      default: return nil
      }
      if !match { return false }
    }
    return true
  }

  /// What one pod charges (`PodUsageFunc` + `podComputeUsageHelper`).
  package static func usage(_ pod: PodTemplate) -> ResourceList {
    let one = Quantity(nanoValue: Quantity.nanoPerUnit, format: .decimalSI)
    var usage: ResourceList = ["pods": one, "count/pods": one]
    let requests = pod.requests
    let limits = pod.limits
    for name in ["cpu", "memory", "ephemeral-storage"] {
      if let request = requests[name] {
        usage[name] = request
        usage["requests.\(name)"] = request
      }
      if let limit = limits[name] { usage["limits.\(name)"] = limit }
    }
    return usage
  }

  /// `must specify …` when a tracked resource is missing on a container (the pod evaluator's `Constraints`).
  package func missingResources(_ pod: PodTemplate) -> String? {
    let required = Set(hard.keys).intersection(Self.validationSet)
    var missing: [String: Set<String>] = [:]
    for container in pod.containers + pod.initContainers {
      var set: Set<String> = []
      for name in ["cpu", "memory"] {
        if container.requests[name] != nil { set.formUnion([name, "requests.\(name)"]) }
        if container.limits[name] != nil { set.insert("limits.\(name)") }
      }
      for name in required.subtracting(set) { missing[name, default: []].insert(container.name) }
    }
    guard !missing.isEmpty else { return nil }
    let parts = missing.keys.sorted().map {
      "\($0) for: \((missing[$0] ?? []).sorted().joined(separator: ","))"
    }
    return "must specify " + parts.joined(separator: "; ")
  }
}
