import CapacityAnalysis
import CapacityModel
import Foundation
import Yams

/// Reads an `--slo` YAML file:
///
///     objectives:
///       - {metric: p95_ms, max: 500}                           # whole run
///       - {metric: error_rate, max: 0.01}                      # or max: "1%"
///       - {endpoint: "GET /search/", metric: p99_ms, max: 1500} # one endpoint ("METHOD name" or name)
///       - {metric: rps, min: 50, users: 100}                   # throughput at a user count
///       - {transaction: "TC Checkout flow", metric: p95_ms, max: 2000}  # a JMeter transaction
///
/// Metrics: p50_ms, p90_ms, p95_ms, p99_ms, mean_ms, max_ms, error_rate (0…1 or "N%") with `max`;
/// rps with `min`. The defaults (p95 ≤ 500 ms, errors ≤ 1 %) stay in force for a run-wide metric the
/// file does not set; `defaults: false` at the top turns them off.
public struct SLOLoader: Sendable {
  private static let keys: Set<String> = ["endpoint", "transaction", "metric", "max", "min", "users"]

  public init() {}

  /// Parses an SLO file read by Ingest (`SettingsFileReader`).
  public func load(_ document: TextDocument, thresholds: AnalysisThresholds = AnalysisThresholds())
    throws(PlanningError) -> ServiceLevelObjectives
  {
    try parse(yaml: document.text, file: document.path, thresholds: thresholds)
  }

  public func parse(yaml: String, file: String, thresholds: AnalysisThresholds = AnalysisThresholds())
    throws(PlanningError) -> ServiceLevelObjectives
  {
    guard let root = try YAMLReader.documents(yaml, file: file).first,
      let list = YAMLReader.child(root, "objectives")
    else { throw .missingField(file: file, field: "objectives") }
    guard case .sequence(let entries) = list else {
      throw .invalidField(
        file: file, field: "objectives", value: YAMLReader.text(list), reason: "expected a list of objectives"
      )
    }
    var objectives: [SLOObjective] = []
    for (index, entry) in entries.enumerated() {
      objectives.append(try objective(entry, field: "objectives[\(index)]", file: file))
    }
    let useDefaults = YAMLReader.scalar(YAMLReader.child(root, "defaults")).map { $0 != "false" } ?? true
    if useDefaults {
      for fallback in ServiceLevelObjectives(thresholds: thresholds).objectives
      where !objectives.contains(where: {
        $0.isRunWide && $0.metric == fallback.metric
      }) {
        objectives.append(fallback)
      }
    }
    return ServiceLevelObjectives(objectives: objectives, source: file)
  }

  private func objective(_ entry: Node, field: String, file: String) throws(PlanningError) -> SLOObjective {
    guard case .mapping(let mapping) = entry else {
      throw .invalidField(
        file: file, field: field, value: YAMLReader.text(entry),
        reason: "expected a mapping such as {metric: p95_ms, max: 500}")
    }
    for key in mapping.keys where !Self.keys.contains(YAMLReader.text(key)) {
      throw .invalidField(
        file: file, field: "\(field).\(YAMLReader.text(key))", value: YAMLReader.text(key),
        reason: "unknown key; expected endpoint, transaction, metric, max, min or users")
    }
    let metricText = YAMLReader.scalar(YAMLReader.child(entry, "metric"))
    guard let metricText else { throw .missingField(file: file, field: "\(field).metric") }
    guard let metric = SLOObjective.Metric(rawValue: metricText) else {
      throw .invalidField(
        file: file, field: "\(field).metric", value: metricText,
        reason: "expected one of " + SLOObjective.Metric.allCases.map(\.rawValue).joined(separator: ", "))
    }
    let boundKey = metric.isLowerBound ? "min" : "max"
    let otherKey = metric.isLowerBound ? "max" : "min"
    if YAMLReader.child(entry, otherKey) != nil {
      throw .invalidField(
        file: file, field: "\(field).\(otherKey)", value: otherKey,
        reason: "\(metric.rawValue) takes \(boundKey), not \(otherKey)")
    }
    guard let boundNode = YAMLReader.child(entry, boundKey) else {
      throw .missingField(file: file, field: "\(field).\(boundKey)")
    }
    let limit = try number(boundNode, metric: metric, field: "\(field).\(boundKey)", file: file)
    var users: Int?
    if let node = YAMLReader.child(entry, "users") {
      let count = try YAMLReader.count(node, field: "\(field).users", file: file)
      guard count > 0 else {
        throw .invalidField(
          file: file, field: "\(field).users", value: "0", reason: "expected at least 1 user")
      }
      users = count
    }
    let endpoint = YAMLReader.scalar(YAMLReader.child(entry, "endpoint"))
    if let endpoint, endpoint.isEmpty {
      throw .invalidField(
        file: file, field: "\(field).endpoint", value: "", reason: "expected an endpoint name")
    }
    let transaction = YAMLReader.scalar(YAMLReader.child(entry, "transaction"))
    if let transaction, transaction.isEmpty || endpoint != nil || users != nil {
      throw .invalidField(
        file: file, field: "\(field).transaction", value: transaction,
        reason: transaction.isEmpty
          ? "expected a Transaction Controller name" : "a transaction objective takes no endpoint or users")
    }
    return SLOObjective(
      endpoint: endpoint, metric: metric, limit: limit, users: users, transaction: transaction)
  }

  private func number(_ node: Node, metric: SLOObjective.Metric, field: String, file: String)
    throws(PlanningError) -> Double
  {
    guard var text = YAMLReader.scalar(node)?.trimmingCharacters(in: .whitespaces) else {
      throw .invalidField(file: file, field: field, value: YAMLReader.text(node), reason: "expected a number")
    }
    var scale = 1.0
    if metric == .errorRate, text.hasSuffix("%") {
      text = String(text.dropLast()).trimmingCharacters(in: .whitespaces)
      scale = 0.01
    } else if metric != .errorRate, metric != .rps, text.hasSuffix("ms") {
      text = String(text.dropLast(2)).trimmingCharacters(in: .whitespaces)
    }
    guard let value = Double(text), value.isFinite, value >= 0 else {
      throw .invalidField(
        file: file, field: field, value: YAMLReader.text(node), reason: "expected a number of 0 or more")
    }
    let scaled = value * scale
    if metric == .errorRate, scaled > 1 {
      throw .invalidField(
        file: file, field: field, value: YAMLReader.text(node),
        reason: "an error rate is a share from 0 to 1 (or a percentage such as \"1%\")")
    }
    return scaled
  }
}
