extension ReportDocument {
  /// `quota_and_limits`: what admission makes of the Kubernetes manifests (docs/report-schema.md).
  public struct QuotaAndLimitsEntry: Sendable, Equatable, Codable {
    public var namespaces: [String]
    public var quotas: [QuotaEntry]
    public var limitRanges: [LimitRangeEntry]
    public var defaultsApplied: [NoteEntry]
    public var violations: [NoteEntry]
    public var objectRefusals: [NoteEntry]
    public var workloads: [WorkloadAdmissionEntry]
    public var pods: [PodEntry]
    public var autoscalers: [AutoscalerEntry]
    public var batch: [BatchEntry]
    public var ignored: [IgnoredEntry]
    public var notes: [String]
  }

  public struct QuotaEntry: Sendable, Equatable, Codable {
    public var name: String
    public var namespace: String
    public var scopes: [String]
    /// Resource → canonical quantity (`limits.cpu` → `6`).
    public var hard: [String: String]
    public var used: [String: String]
    public var podsBeforeQuota: Int
  }

  public struct LimitRangeEntry: Sendable, Equatable, Codable {
    public var name: String
    public var namespace: String
    public var items: [LimitRangeItemEntry]
  }

  public struct LimitRangeItemEntry: Sendable, Equatable, Codable {
    public var type: String
    public var `default`: [String: String]
    public var defaultRequest: [String: String]
    public var min: [String: String]
    public var max: [String: String]
    public var maxLimitRequestRatio: [String: String]
  }

  public struct NoteEntry: Sendable, Equatable, Codable {
    public var workload: String
    public var namespace: String
    public var text: String
  }

  /// Pods admitted and refused per workload, steady state and autoscaler peak together.
  public struct WorkloadAdmissionEntry: Sendable, Equatable, Codable {
    public var workload: String
    public var namespace: String
    public var admitted: Int
    public var refused: Int
    public var firstRefusal: String?
  }

  public struct PodEntry: Sendable, Equatable, Codable {
    public var workload: String
    public var kind: String
    public var namespace: String
    public var ordinal: Int
    /// `steady`, `peak` (the autoscaler's extra replicas) or `job`.
    public var phase: String
    public var admitted: Bool
    public var refusedBy: String?
    public var message: String?
  }

  public struct AutoscalerEntry: Sendable, Equatable, Codable {
    public var name: String
    public var namespace: String
    public var target: String
    public var minReplicas: Int
    public var maxReplicas: Int
    public var matched: Bool
  }

  public struct BatchEntry: Sendable, Equatable, Codable {
    public var name: String
    public var kind: String
    public var namespace: String
    public var pods: Int
    public var cpuMillicores: Int64
    public var memoryBytes: Int64
    public var schedule: String?
  }

  public struct IgnoredEntry: Sendable, Equatable, Codable {
    public var kind: String
    public var name: String
    public var file: String
  }

  /// A profile's own quota replayed over the manifests (`profiles[].quota`).
  public struct ProfileQuotaEntry: Sendable, Equatable, Codable {
    public var name: String
    public var found: Bool
    public var podsTried: Int
    public var refused: [PodEntry]
  }
}

/// `capacity plan --json`: the planning part of `report.json` (`capacity-plan/1`).
public struct PlanDocument: Sendable, Equatable, Codable {
  public static let schemaVersion = "capacity-plan/1"
  public var schema = PlanDocument.schemaVersion
  public var footprint: ReportDocument.FootprintEntry?
  public var profiles: [ReportDocument.ProfileEntry]
  public var quotaAndLimits: ReportDocument.QuotaAndLimitsEntry?
}
