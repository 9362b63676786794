import Foundation

/// One PromQL expression fetched for each run's window, named so that overrides, warnings and the
/// report can refer to it.
public struct PrometheusQuery: Sendable, Equatable {
  public var name: String
  /// PromQL as a user writes it in Grafana: `$__rate_interval` (or `${__rate_interval}`) stands for
  /// the rate window and `$__interval` for the step, both filled in per window by `rendered(for:)`.
  public var expression: String
  /// A built-in query: no data for it is a warning (a host without cAdvisor or process-exporter),
  /// where no data for a query the user wrote is an error.
  public var isDefault: Bool

  public init(name: String, expression: String, isDefault: Bool = false) {
    self.name = name
    self.expression = expression
    self.isDefault = isDefault
  }

  /// The expression with the window's rate interval and step in place of the Grafana variables.
  public func rendered(for window: QueryWindow) -> String {
    let rate = "\(window.rateSeconds)s"
    let step = "\(window.stepSeconds)s"
    return expression.replacingOccurrences(of: "${__rate_interval}", with: rate)
      .replacingOccurrences(of: "$__rate_interval", with: rate)
      .replacingOccurrences(of: "${__interval}", with: step)
      .replacingOccurrences(of: "$__interval", with: step)
  }

  /// Whether `name` can name a query: letters, digits, `-`, `_` and `.`, so it reads back from a
  /// stored file's provenance unambiguously.
  public static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64
      && name.unicodeScalars.allSatisfy { scalar in
        scalar.isASCII
          && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            || "-_.".unicodeScalars.contains(scalar))
      }
  }

  /// The CPU and memory queries users of the common exporters write. Busy node CPU leaves out idle,
  /// iowait and steal (as the node-mixin's utilisation does), and the CPU count is one idle counter
  /// per CPU (of every node the sum covers); memory used is MemTotal − MemAvailable.
  /// Process-exporter's groups and cAdvisor's containers (the kubelet's, as kube-prometheus scrapes
  /// it; kube-state-metrics has requests and limits, not usage) are summed per group and per
  /// namespace/pod/container.
  /// The query whose answer is the node's CPU count rather than samples: it sets the node CPU
  /// series' `hostCPUs` (what the report's host utilisation divides by), as sysstat's files do.
  public static let hostCPUsName = "node-cpus"

  public static let defaults: [PrometheusQuery] = [
    PrometheusQuery(
      name: "node-cpu",
      expression: #"sum(rate(node_cpu_seconds_total{mode!~"idle|iowait|steal"}[$__rate_interval]))"#,
      isDefault: true),
    PrometheusQuery(
      name: hostCPUsName, expression: #"count(node_cpu_seconds_total{mode="idle"})"#, isDefault: true),
    PrometheusQuery(
      name: "node-memory", expression: "sum(node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes)",
      isDefault: true),
    PrometheusQuery(
      name: "process-cpu",
      expression: "sum by (groupname) (rate(namedprocess_namegroup_cpu_seconds_total[$__rate_interval]))",
      isDefault: true),
    PrometheusQuery(
      name: "process-memory",
      expression: #"sum by (groupname) (namedprocess_namegroup_memory_bytes{memtype="resident"})"#,
      isDefault: true),
    PrometheusQuery(
      name: "container-cpu",
      expression:
        #"sum by (namespace, pod, container) (rate(container_cpu_usage_seconds_total{container!="",container!="POD"}[$__rate_interval]))"#,
      isDefault: true),
    PrometheusQuery(
      name: "container-memory",
      expression:
        #"sum by (namespace, pod, container) (container_memory_working_set_bytes{container!="",container!="POD"})"#,
      isDefault: true),
  ]
}
