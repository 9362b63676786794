/// How close one component ran to its limits at one load level: the seam through which resource
/// samples (CPU and memory per container) name the bottleneck. Shares are usage ÷ limit, 0…1+.
public struct ComponentLoad: Sendable, Equatable {
  public var component: String
  public var users: Int
  public var cpuShare: Double?
  public var memoryShare: Double?

  public init(component: String, users: Int, cpuShare: Double?, memoryShare: Double?) {
    self.component = component
    self.users = users
    self.cpuShare = cpuShare
    self.memoryShare = memoryShare
  }

  /// The nearer of CPU and memory to its limit.
  package var nearestShare: Double? { [cpuShare, memoryShare].compactMap { $0 }.max() }
}
