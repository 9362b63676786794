/// A `LimitRange` of one namespace, its `Container` and `Pod` items already defaulted the way the API
/// server stores them (`SetDefaults_LimitRangeItem`, pkg/apis/core/v1/defaults.go): for a Container item a
/// missing `default` takes `max`, a missing `defaultRequest` takes `default`, else `min`.
public struct LimitRange: Sendable, Equatable {
  public struct Item: Sendable, Equatable {
    /// `Container` or `Pod` (other types, such as `PersistentVolumeClaim`, are kept but never applied).
    public var type: String
    public var defaultLimits: ResourceList
    public var defaultRequests: ResourceList
    public var min: ResourceList
    public var max: ResourceList
    public var maxLimitRequestRatio: ResourceList

    public init(
      type: String, defaultLimits: ResourceList = [:], defaultRequests: ResourceList = [:],
      min: ResourceList = [:], max: ResourceList = [:], maxLimitRequestRatio: ResourceList = [:]
    ) {
      self.type = type
      self.defaultLimits = defaultLimits
      self.defaultRequests = defaultRequests
      self.min = min
      self.max = max
      self.maxLimitRequestRatio = maxLimitRequestRatio
      guard type == "Container" else { return }
      for (name, quantity) in max where self.defaultLimits[name] == nil {
        self.defaultLimits[name] = quantity
      }
      for (name, quantity) in self.defaultLimits where self.defaultRequests[name] == nil {
        self.defaultRequests[name] = quantity
      }
      for (name, quantity) in min where self.defaultRequests[name] == nil {
        self.defaultRequests[name] = quantity
      }
    }
  }

  public var name: String
  public var namespace: String
  public var items: [Item]

  public init(name: String, namespace: String, items: [Item]) {
    self.name = name
    self.namespace = namespace
    self.items = items
  }
}
