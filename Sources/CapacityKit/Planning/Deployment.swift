/// The workloads read from manifests, sorted by name (then kind and source file).
public struct Deployment: Sendable, Equatable {
  /// The components, sorted by name, kind and source.
  public var components: [Component]

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
