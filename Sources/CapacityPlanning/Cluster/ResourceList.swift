import CapacityModel

/// A Kubernetes `ResourceList`: resource name (`cpu`, `memory`, `ephemeral-storage`, `limits.cpu`…) → quantity.
public typealias ResourceList = [String: Quantity]

extension Quantity {
  /// Zero, printed as `0`.
  package static let zero = Quantity(nanoValue: 0, format: .decimalSI)

  /// `self + other` in this quantity's suffix family, or `other`'s when this one is zero, as apimachinery's
  /// `Quantity.Add` does.
  package func adding(_ other: Quantity) -> Quantity {
    let sum = nanoValue + other.nanoValue
    return Quantity(
      nanoValue: min(max(sum, -Self.maxNano), Self.maxNano), format: nanoValue == 0 ? other.format : format)
  }
}

/// The `ResourceList` helpers of `k8s.io/apiserver/pkg/quota/v1` and `k8s.io/component-helpers/resource`.
package enum ResourceLists {
  /// Adds `other` into `list`; a key new to `list` takes `other`'s quantity (and format).
  package static func add(_ list: inout ResourceList, _ other: ResourceList) {
    for (name, quantity) in other {
      list[name] = list[name].map { $0.adding(quantity) } ?? quantity
    }
  }

  /// Per key, the larger of the two (`maxResourceList`).
  package static func max(_ list: inout ResourceList, _ other: ResourceList) {
    for (name, quantity) in other where list[name].map({ quantity > $0 }) ?? true {
      list[name] = quantity
    }
  }

  /// Only the keys in `names` (`quota.Mask`).
  package static func mask(_ list: ResourceList, _ names: Set<String>) -> ResourceList {
    list.filter { names.contains($0.key) }
  }

  /// `a=1,b=2Gi`, keys sorted, as the quota admission's `prettyPrint`.
  package static func pretty(_ list: ResourceList) -> String {
    list.keys.sorted().map { "\($0)=\(list[$0] ?? .zero)" }.joined(separator: ",")
  }
}
