import CapacityModel

/// The LimitRanger admission plugin (plugin/pkg/admission/limitranger/admission.go), for one pod template:
/// defaults first (`mergePodResourceRequirements`: a container's missing limit takes the Container item's
/// `default`, a missing request its `defaultRequest`; init containers too), then the checks of
/// `PodValidateLimitFunc` with the plugin's own messages. Any violation means the API server refuses the pod.
package struct LimitRanger {
  /// What admission made of one pod template.
  package struct Outcome {
    package var pod: PodTemplate
    /// `cpu, memory request for container django` as the plugin's annotation words it.
    package var defaults: [String]
    /// The plugin's error messages; non-empty means the pod is forbidden.
    package var violations: [String]
  }

  package var limitRanges: [LimitRange]

  package func admit(_ template: PodTemplate) -> Outcome {
    var pod = template
    var defaults: [String] = []
    for range in limitRanges {
      var limits: ResourceList = [:]
      var requests: ResourceList = [:]
      for item in range.items where item.type == "Container" {
        requests.merge(item.defaultRequests) { _, new in new }
        limits.merge(item.defaultLimits) { _, new in new }
      }
      pod.containers = pod.containers.map { merge($0, limits, requests, range.name, &defaults) }
      pod.initContainers = pod.initContainers.map { merge($0, limits, requests, range.name, &defaults) }
    }
    var violations = Self.requestsAboveLimits(pod)
    for range in limitRanges {
      for item in range.items {
        if item.type == "Container" {
          for container in pod.containers + pod.initContainers {
            violations += check(item, requests: container.requests, limits: container.limits)
          }
        } else if item.type == "Pod" {
          let (requests, limits) = podTotals(pod)
          violations += check(item, requests: requests, limits: limits)
        }
      }
    }
    return Outcome(pod: pod, defaults: defaults, violations: violations)
  }

  /// Pod validation after the defaults (`ValidateResourceRequirements`, pkg/apis/core/validation): a request
  /// above its limit — typically an own request above the LimitRange's default limit — is invalid.
  package static func requestsAboveLimits(_ pod: PodTemplate) -> [String] {
    var errors: [String] = []
    for (field, list) in [("containers", pod.containers), ("initContainers", pod.initContainers)] {
      for (index, container) in list.enumerated() {
        for name in container.requests.keys.sorted() {
          guard let request = container.requests[name], let limit = container.limits[name], request > limit
          else { continue }
          errors.append(
            "spec.\(field)[\(index)].resources.requests: Invalid value: \"\(request)\": must be less than or equal "
              + "to \(name) limit of \(limit)")
        }
      }
    }
    return errors
  }

  private func merge(
    _ container: ContainerSpec, _ limits: ResourceList, _ requests: ResourceList, _ rangeName: String,
    _ notes: inout [String]
  ) -> ContainerSpec {
    var container = container
    var setLimits: [String] = []
    var setRequests: [String] = []
    for (name, quantity) in limits where container.limits[name] == nil {
      container.limits[name] = quantity
      setLimits.append("\(name) \(quantity)")
    }
    for (name, quantity) in requests where container.requests[name] == nil {
      container.requests[name] = quantity
      setRequests.append("\(name) \(quantity)")
    }
    if !setRequests.isEmpty {
      notes.append(
        "\(setRequests.sorted().joined(separator: ", ")) request for container \(container.name) (LimitRange \(rangeName))"
      )
    }
    if !setLimits.isEmpty {
      notes.append(
        "\(setLimits.sorted().joined(separator: ", ")) limit for container \(container.name) (LimitRange \(rangeName))"
      )
    }
    return container
  }

  /// Pod item totals: Σ app containers (a resource only when every container sets it), then the larger of
  /// that and each init container — the plugin's own rule, which does not add sidecars or overhead.
  private func podTotals(_ pod: PodTemplate) -> (ResourceList, ResourceList) {
    func sum(_ lists: [ResourceList]) -> ResourceList {
      var total: ResourceList = [:]
      let names = Set(lists.flatMap(\.keys))
      for name in names where lists.allSatisfy({ $0[name] != nil }) {
        total[name] = lists.reduce(Quantity.zero) { $0.adding($1[name] ?? .zero) }
      }
      return total
    }
    var requests = sum(pod.containers.map(\.requests))
    var limits = sum(pod.containers.map(\.limits))
    for container in pod.initContainers {
      ResourceLists.max(&requests, container.requests)
      ResourceLists.max(&limits, container.limits)
    }
    return (requests, limits)
  }

  private func check(_ item: LimitRange.Item, requests: ResourceList, limits: ResourceList) -> [String] {
    var errors: [String] = []
    let type = item.type
    for name in item.min.keys.sorted() {
      let enforced = item.min[name] ?? .zero
      if let request = requests[name] {
        if request < enforced {
          errors.append("minimum \(name) usage per \(type) is \(enforced), but request is \(request).")
        } else if let limit = limits[name], limit < enforced {
          errors.append("minimum \(name) usage per \(type) is \(enforced), but limit is \(limit).")
        }
      } else {
        errors.append("minimum \(name) usage per \(type) is \(enforced).  No request is specified.")
      }
    }
    for name in item.max.keys.sorted() {
      let enforced = item.max[name] ?? .zero
      if let limit = limits[name] {
        if limit > enforced {
          errors.append("maximum \(name) usage per \(type) is \(enforced), but limit is \(limit).")
        } else if let request = requests[name], request > enforced {
          errors.append("maximum \(name) usage per \(type) is \(enforced), but request is \(request).")
        }
      } else {
        errors.append("maximum \(name) usage per \(type) is \(enforced).  No limit is specified.")
      }
    }
    for name in item.maxLimitRequestRatio.keys.sorted() {
      let enforced = item.maxLimitRequestRatio[name] ?? .zero
      guard let request = requests[name], request.nanoValue != 0 else {
        errors.append(
          "\(name) max limit to request ratio per \(type) is \(enforced), but no request is specified or request is 0."
        )
        continue
      }
      guard let limit = limits[name], limit.nanoValue != 0 else {
        errors.append(
          "\(name) max limit to request ratio per \(type) is \(enforced), but no limit is specified or limit is 0."
        )
        continue
      }
      // The plugin's comparison: (limit ÷ request) × 1000 against the ratio in milli-units.
      let ratio = Double(limit.milliValue) / Double(max(request.milliValue, 1))
      if ratio * 1000 > Double(enforced.milliValue) {
        errors.append(
          "\(name) max limit to request ratio per \(type) is \(enforced), but provided ratio is "
            + NumberFormat.decimal(ratio, places: 6) + ".")
      }
    }
    return errors
  }
}
