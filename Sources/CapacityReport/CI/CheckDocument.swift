/// `capacity check --format json`: the verdict and every objective's result, keyed like
/// report.json's `slo.results` (docs/report-schema.md, "check --format json").
public struct CheckDocument: Sendable, Equatable, Codable {
  public static let schemaVersion = "capacity-check/1"

  public var schema = CheckDocument.schemaVersion
  public var passed: Bool
  public var checks: Int
  public var failed: Int
  public var runs: [RunEntry]
  public var results: [ReportDocument.SLOResultEntry]

  public struct RunEntry: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var durationS: Double?
    public var validity: String
  }

  public init(_ outcome: CheckOutcome) {
    passed = outcome.passed
    checks = outcome.results.count
    failed = outcome.failed.count
    runs = outcome.analyses.map {
      RunEntry(
        id: $0.run.id, name: $0.run.name, durationS: $0.durationSeconds,
        validity: $0.validity.verdict.rawValue)
    }
    results = outcome.results.map(SaturationEntryBuilder().result)
  }
}
