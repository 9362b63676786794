/// A suggested replica reduction for one component.
public struct ScaleDown: Sendable, Equatable, CustomStringConvertible {
  /// The component's name.
  public var component: String
  /// Replicas in the manifests.
  public var from: Int
  /// Suggested replicas.
  public var to: Int

  /// Creates a suggestion to run `to` instead of `from` replicas of `component`.
  public init(component: String, from: Int, to: Int) {
    self.component = component
    self.from = from
    self.to = to
  }

  /// `postgresql from 2 to 1`.
  public var description: String { "\(component) from \(from) to \(to)" }
}
