import CapacityModel
import Foundation

/// Reads a Prometheus `/api/v1/query_range` answer (`resultType` `matrix`): one series per label
/// set, timestamps in Unix seconds, values as strings including `NaN`, `+Inf` and `-Inf` (dropped
/// and counted). Missing data is simply absent, so gaps need no handling here.
///
/// The answer does not carry its PromQL, and expressions such as `rate(…)` or `a - b` drop
/// `__name__`; what a series measures is taken from `__name__`, else from the query the caller
/// found (a `queries.txt` next to the file, as `prom_dump`-style scripts write), else from the
/// file name. Supported: CPU second counters under `rate()`/`irate()` (cores → millicores) and
/// memory byte gauges (resident / working set, node `MemTotal − MemAvailable`). Anything else is
/// skipped with a diagnostic, never guessed.
package struct PrometheusRangeParser {
  /// CapacityPrometheus reads the answers it fetched with this parser too.
  package init() {}

  package func parse(_ bytes: [UInt8], source: SourceFile, query: String?) throws(IngestError) -> ResourceFile
  {
    let path = source.path
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
      throw .malformedRow(
        SourceLocation(file: path, line: 1), reason: UTF8Validation.problem(in: bytes) ?? "not a JSON object")
    }
    guard object["status"] as? String == "success" else {
      let message = object["error"] as? String ?? "status is not success"
      throw .malformedRow(SourceLocation(file: path, line: 1), reason: "prometheus error: \(message)")
    }
    guard let data = object["data"] as? [String: Any], data["resultType"] as? String == "matrix",
      let result = data["result"] as? [[String: Any]]
    else {
      throw .malformedRow(
        SourceLocation(file: path, line: 1),
        reason: "expected data.resultType \"matrix\" (a query_range answer)")
    }
    let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    var builder = ResourceSeriesBuilder(source: source)
    var diagnostics: [Diagnostic] = []
    var skipped = Set<String>()
    for entry in result {
      let labels = (entry["metric"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
      let text = labels["__name__"] ?? query ?? stem
      guard let kind = Self.classify(text: text, labels: labels) else {
        skipped.insert(labels["__name__"] ?? query ?? stem)
        continue
      }
      let (entity, isNode) = Self.entity(labels: labels, text: text)
      let instance = labels.filter { !["__name__", "job", "instance"].contains($0.key) }
        .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
      for pair in entry["values"] as? [[Any]] ?? [] {
        guard pair.count == 2, let time = (pair[0] as? NSNumber)?.doubleValue, let text = pair[1] as? String
        else { continue }
        let value = Self.number(text) * (kind == .cpu ? 1000 : 1)
        builder.add(
          entity: entity, instance: instance, isNode: isNode, metric: kind,
          unit: kind == .cpu ? .millicores : .bytes, time: time, value: value)
      }
    }
    for name in skipped.sorted() {
      diagnostics.append(
        Diagnostic(
          SourceLocation(file: path),
          "skipped series of '\(name)': not a CPU-seconds rate or a memory-bytes gauge"))
    }
    if builder.dropped > 0 {
      diagnostics.append(
        Diagnostic(SourceLocation(file: path), "dropped \(builder.dropped) NaN or infinite sample(s)"))
    }
    return ResourceFile(source: source, series: builder.series, diagnostics: diagnostics)
  }

  /// `NaN`, `+Inf`, `-Inf` and decimal numbers as Prometheus writes them.
  package static func number(_ text: String) -> Double {
    switch text {
    case "NaN": .nan
    case "+Inf", "Inf": .infinity
    case "-Inf": -.infinity
    default: Double(text) ?? .nan
    }
  }

  /// What a series measures, from its metric name or query text; `nil` when unsupported.
  package static func classify(text: String, labels: [String: String]) -> ResourceMetric? {
    let lower = text.lowercased()
    if lower.contains("cpu_seconds_total") || lower.contains("cpu_usage_seconds_total") {
      // A busy percentage (100 * (1 - idle)) or an idle-only rate is not usage in cores.
      if lower.contains("mode=\"idle\"") || lower.contains("percent") || labels["mode"] == "idle" {
        return nil
      }
      return lower.contains("rate(") || lower.contains("rate%28") ? .cpu : nil
    }
    if lower.contains("memtotal") && lower.contains("memavailable") { return .memory }
    if lower.contains("memory") && lower.contains("bytes") && !lower.contains("memtotal")
      && !lower.contains("total_bytes")
    {
      if let type = labels["memtype"] { return type == "resident" ? .memory : nil }
      if lower.contains("working_set") || lower.contains("rss") || lower.contains("resident") {
        return .memory
      }
      return lower.contains("node_memory") ? nil : .memory
    }
    return nil
  }

  /// The entity a label set names: a process group, a pod or container, else the node.
  package static func entity(labels: [String: String], text: String) -> (String, Bool) {
    for key in ["groupname", "pod", "container", "name", "service"] {
      if let value = labels[key], !value.isEmpty { return (value, false) }
    }
    return (ComponentRole.node.rawValue, true)
  }
}
