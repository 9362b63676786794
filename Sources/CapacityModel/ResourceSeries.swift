/// What a resource series measures. CPU is always in millicores and memory in bytes once parsed;
/// host CPU given only as a busy percentage waits for the host's CPU count (see `unit`).
public enum ResourceMetric: String, Sendable, Codable, CaseIterable {
  case cpu
  case memory
}

/// One measurement of a resource series.
public struct ResourcePoint: Sendable, Equatable, Codable {
  /// Unix time, seconds (UTC).
  public var time: Double
  public var value: Double

  public init(time: Double, value: Double) {
    self.time = time
    self.value = value
  }
}

/// Samples of one resource of one measured entity (a pod, a container, a process or process group,
/// or the node), read from one file. Series are stored independently of runs and matched to them
/// by time overlap when a report is built; the entity's name maps to a deployment component then.
public struct ResourceSeries: Sendable, Equatable {
  /// Units a series can carry.
  public enum Unit: String, Sendable, Codable {
    case millicores
    case bytes
    /// Share of the whole host's CPU, 0…100 (sysstat CSV without a CPU count).
    case hostPercent = "host-percent"
  }

  /// The measured entity as the tool names it: `gunicorn`, `django-7c9f8b6c5d-x2kq9`, `node`.
  public var entity: String
  /// What tells several series of the same entity apart (pid, label set, container id); may be empty.
  public var instance: String
  /// Whether `entity` is the node (host) as a whole rather than a workload.
  public var isNode: Bool
  public var metric: ResourceMetric
  public var unit: Unit
  /// The host the samples come from, when the file says.
  public var host: String?
  /// The host's CPU count, when the file says.
  public var hostCPUs: Int?
  /// Where the samples came from.
  public var source: SourceFile
  /// Finite samples in time order.
  public var points: [ResourcePoint]

  public init(
    entity: String, instance: String = "", isNode: Bool = false, metric: ResourceMetric,
    unit: Unit, host: String? = nil, hostCPUs: Int? = nil, source: SourceFile,
    points: [ResourcePoint]
  ) {
    self.entity = entity
    self.instance = instance
    self.isNode = isNode
    self.metric = metric
    self.unit = unit
    self.host = host
    self.hostCPUs = hostCPUs
    self.source = source
    self.points = points.sorted { $0.time < $1.time }
  }

  /// First and last sample time, when there are samples.
  public var span: ClosedRange<Double>? {
    guard let first = points.first?.time, let last = points.last?.time else { return nil }
    return first...last
  }
}
