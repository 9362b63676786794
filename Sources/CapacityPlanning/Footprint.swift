/// What a deployment asks for in total: Σ replicas × per-pod requests (and limits when every one is known).
///
/// Sums saturate at `Int64.max` instead of trapping on absurd manifests.
public struct Footprint: Sendable, Equatable {
  /// One component's contribution.
  public struct Row: Sendable, Equatable {
    /// Component name.
    public var name: String
    /// Component kind (`Deployment`, `compose service`…).
    public var kind: String
    /// Replicas counted.
    public var replicas: Int
    /// Per-pod CPU request, in millicores.
    public var cpuRequestMillicores: Int64
    /// Per-pod memory request, in bytes.
    public var memoryRequestBytes: Int64
    /// replicas × per-pod CPU request, in millicores.
    public var totalCPURequestMillicores: Int64
    /// replicas × per-pod memory request, in bytes.
    public var totalMemoryRequestBytes: Int64
    /// replicas × per-pod CPU limit, in millicores; `nil` when the limit is unknown.
    public var totalCPULimitMillicores: Int64?
    /// replicas × per-pod memory limit, in bytes; `nil` when the limit is unknown.
    public var totalMemoryLimitBytes: Int64?
  }

  /// One row per component, in the deployment's (name) order.
  public var rows: [Row]
  /// Total CPU requests, in millicores.
  public var cpuRequestMillicores: Int64
  /// Total memory requests, in bytes.
  public var memoryRequestBytes: Int64
  /// Total CPU limits, in millicores; `nil` unless every component has one.
  public var cpuLimitMillicores: Int64?
  /// Total memory limits, in bytes; `nil` unless every component has one.
  public var memoryLimitBytes: Int64?

  /// Sums a deployment; `atPeak` counts autoscaled components at their `maxReplicas`.
  public init(_ deployment: Deployment, atPeak: Bool = false) {
    rows = deployment.components.map { component in
      let count = atPeak ? component.peakReplicas : component.replicas
      let replicas = Int64(clamping: count)
      return Row(
        name: component.name, kind: component.kind, replicas: count,
        cpuRequestMillicores: component.cpuRequestMillicores,
        memoryRequestBytes: component.memoryRequestBytes,
        totalCPURequestMillicores: component.cpuRequestMillicores.saturatingMultiply(replicas),
        totalMemoryRequestBytes: component.memoryRequestBytes.saturatingMultiply(replicas),
        totalCPULimitMillicores: component.cpuLimitMillicores.map {
          $0.saturatingMultiply(replicas)
        },
        totalMemoryLimitBytes: component.memoryLimitBytes.map { $0.saturatingMultiply(replicas) })
    }
    cpuRequestMillicores = rows.reduce(0) { $0.saturatingAdd($1.totalCPURequestMillicores) }
    memoryRequestBytes = rows.reduce(0) { $0.saturatingAdd($1.totalMemoryRequestBytes) }
    cpuLimitMillicores = Self.total(rows.map(\.totalCPULimitMillicores))
    memoryLimitBytes = Self.total(rows.map(\.totalMemoryLimitBytes))
  }

  private static func total(_ values: [Int64?]) -> Int64? {
    var sum: Int64 = 0
    for value in values {
      guard let value else { return nil }
      sum = sum.saturatingAdd(value)
    }
    return sum
  }
}
