/// The workloads read from manifests, sorted by name (then kind and source file).
public struct Deployment: Sendable, Equatable {
  /// The components, sorted by name, kind and source.
  public var components: [Component]
  /// What admission makes of the Kubernetes manifests (quotas, LimitRanges, autoscalers); `nil` for Compose
  /// files and hand-built deployments.
  public var cluster: ClusterView? = nil
  /// The Kubernetes objects read, in order, so a profile's quota can be replayed against them.
  public var objects: [ManifestObject] = []

  /// Creates a deployment; the components are sorted for deterministic output.
  public init(components: [Component]) {
    self.components = components.sorted {
      ($0.name, $0.kind, $0.source) < ($1.name, $1.kind, $1.source)
    }
  }

  /// Looks up a component by name.
  public subscript(name: String) -> Component? {
    components.first { $0.name == name }
  }
}
