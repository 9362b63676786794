import CapacityModel

/// Summary statistics of one component's resource over a time window, from one source file.
public struct UsageSummary: Sendable, Equatable {
  public var samples: Int
  public var p50: Double
  public var p90: Double
  public var p95: Double
  public var max: Double
  public var mean: Double

  /// Exact R-7 percentiles (numpy's default) of `values`; `nil` when empty.
  public init?(_ values: [Double]) {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    samples = sorted.count
    p50 = Self.quantile(sorted, 0.5)
    p90 = Self.quantile(sorted, 0.9)
    p95 = Self.quantile(sorted, 0.95)
    max = sorted[sorted.count - 1]
    mean = sorted.reduce(0, +) / Double(sorted.count)
  }

  package static func quantile(_ sorted: [Double], _ q: Double) -> Double {
    let position = q * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = Swift.min(lower + 1, sorted.count - 1)
    return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
  }
}

/// One component's CPU or memory in a run (or a load step), from one source file.
public struct ComponentUsage: Sendable, Equatable {
  public var component: String
  public var metric: ResourceMetric
  /// The file the samples came from and its kind (`pidstat`, `prometheus-query-range`…).
  public var source: String
  public var sourceKind: String
  /// Whether this source is the one the sizing uses (others are cross-checks).
  public var selected: Bool
  /// Millicores or bytes, summed over the component's processes / pods at each sample time.
  public var summary: UsageSummary
}

/// CPU cost of a component per request/s: the least-squares line through (req/s, mean millicores) per step.
public struct CPUCost: Sendable, Equatable {
  public var component: String
  /// Millicores per request/s (the slope).
  public var millicoresPerRPS: Double
  /// Millicores at 0 req/s (the intercept).
  public var baseMillicores: Double
  /// The p90 line, used to size requests at a target load.
  public var p90MillicoresPerRPS: Double
  public var p90BaseMillicores: Double
  /// Points used: steps of one run, or whole runs.
  public var points: Int
  /// `steps of <run>` or `runs`.
  public var basis: String
}

/// One load step's resource use.
public struct StepUsage: Sendable, Equatable {
  public var users: Int
  public var requestsPerSecond: Double
  /// Selected sources only.
  public var usage: [ComponentUsage]
}

/// Resource use during one run.
public struct RunResources: Sendable, Equatable {
  public var runID: String
  public var runName: String
  /// Share of the run's time span covered by resource samples, 0…1.
  public var coverage: Double
  public var usage: [ComponentUsage]
  public var steps: [StepUsage]
  public var costs: [CPUCost]
  /// Selected series per component and metric, inside the run's window, for charts.
  public var timelines: [ComponentTimeline]
  public var notes: [String]

  /// The selected usage of a component's metric, if measured.
  public func selected(_ component: String, _ metric: ResourceMetric) -> UsageSummary? {
    usage.first { $0.component == component && $0.metric == metric && $0.selected }?.summary
  }
}

/// A component's summed samples over a run, seconds from the run's start.
public struct ComponentTimeline: Sendable, Equatable {
  public var component: String
  public var metric: ResourceMetric
  public var points: [ResourcePoint]
}

/// Everything the resource samples say, across runs.
public struct ResourceAnalysis: Sendable, Equatable {
  public var runs: [RunResources]
  /// CPU cost per request/s over whole runs, when at least two valid runs differ in load.
  public var costsAcrossRuns: [CPUCost]
  /// Files and the number of series they gave, sorted by path.
  public var files: [(path: String, kind: String, series: Int, from: Double?, to: Double?)]
  public var notes: [String]
  public var mapper: ComponentMapper

  public static func == (lhs: ResourceAnalysis, rhs: ResourceAnalysis) -> Bool {
    lhs.runs == rhs.runs && lhs.costsAcrossRuns == rhs.costsAcrossRuns && lhs.notes == rhs.notes
      && lhs.files.map(\.path) == rhs.files.map(\.path)
  }

  public var isEmpty: Bool { runs.allSatisfy { $0.usage.isEmpty } }
}
