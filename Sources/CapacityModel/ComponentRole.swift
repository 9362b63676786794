/// The measured components that are not part of the application: the host itself and the load
/// generator. Shown in the report, never sized; their raw values are the `component` names
/// report.json uses (`resources.runs[].components[].component`).
public enum ComponentRole: String, Sendable, CaseIterable {
  /// Host-level series (sysstat, node_exporter): the whole machine, not one component.
  case node = "node"
  /// The load generator's processes (locust, jmeter, k6…): measured on the host, never sized.
  case loadGenerator = "loadgen"

  /// Whether `component` is one of the application's components, the ones a plan sizes.
  public static func isApplication(_ component: String) -> Bool { Self(rawValue: component) == nil }

  /// Whether `component` is this role's.
  public func names(_ component: String) -> Bool { component == rawValue }
}
