import CapacityModel
import Foundation
import Yams

/// The queries to fetch: the defaults, changed by a YAML file, then by `--prom-query NAME=PROMQL`.
/// A name that is already there is replaced, a new name is added, and an empty expression removes
/// the query. The file is
///
///     defaults: false          # optional: start from no query instead of the defaults
///     queries:
///       web-cpu: sum by (pod) (rate(container_cpu_usage_seconds_total{pod=~"django-.*"}[$__rate_interval]))
///       node-memory: ""        # drop a default
public enum PrometheusQuerySet {
  public static func resolve(
    file: TextDocument? = nil, overrides: [String] = [],
    defaults: [PrometheusQuery] = PrometheusQuery.defaults
  ) throws(PrometheusError) -> [PrometheusQuery] {
    var queries = defaults
    if let file {
      let (keepDefaults, entries) = try read(file)
      if !keepDefaults { queries = [] }
      for (name, expression) in entries { apply(name: name, expression: expression, to: &queries) }
    }
    for text in overrides {
      let (name, expression) = try split(text)
      apply(name: name, expression: expression, to: &queries)
    }
    if queries.isEmpty {
      throw .invalidQuery(overrides.last ?? file?.path ?? "", reason: "no query is left to fetch")
    }
    return queries
  }

  /// `NAME=PROMQL`, at the first `=` (PromQL has `=` in its selectors).
  static func split(_ text: String) throws(PrometheusError) -> (String, String) {
    guard let equals = text.firstIndex(of: "=") else {
      throw .invalidQuery(text, reason: "expected NAME=PROMQL, e.g. web-cpu='sum(rate(…[$__rate_interval]))'")
    }
    let name = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
    guard PrometheusQuery.isValidName(name) else {
      throw .invalidQuery(text, reason: "a name is letters, digits, '-', '_' or '.' (at most 64)")
    }
    return (name, String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces))
  }

  private static func apply(name: String, expression: String, to queries: inout [PrometheusQuery]) {
    let index = queries.firstIndex { $0.name == name }
    if expression.isEmpty {
      if let index { queries.remove(at: index) }
    } else if let index {
      queries[index] = PrometheusQuery(name: name, expression: expression)
    } else {
      queries.append(PrometheusQuery(name: name, expression: expression))
    }
  }

  /// The file's `defaults` flag and `queries` mapping, in file order.
  private static func read(_ file: TextDocument) throws(PrometheusError) -> (Bool, [(String, String)]) {
    let node: Node?
    do {
      node = try Yams.compose(yaml: file.text)
    } catch {
      throw .invalidQuery(file.path, reason: "not YAML: \(error)")
    }
    guard let mapping = node?.mapping else {
      throw .invalidQuery(file.path, reason: "expected a mapping with 'queries:'")
    }
    var keepDefaults = true
    var entries: [(String, String)] = []
    for (key, value) in mapping {
      switch key.string {
      case "defaults":
        guard let flag = value.bool else {
          throw .invalidQuery(file.path, reason: "'defaults' must be true or false")
        }
        keepDefaults = flag
      case "queries":
        guard let queries = value.mapping else {
          throw .invalidQuery(file.path, reason: "'queries' must map names to PromQL")
        }
        for (name, expression) in queries {
          guard let name = name.string, PrometheusQuery.isValidName(name), let text = expression.string else {
            throw .invalidQuery(
              file.path,
              reason: "line \(name.mark?.line ?? 0): a query is NAME: PROMQL (NAME of letters, digits, - _ .)"
            )
          }
          entries.append((name, text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
      default:
        throw .invalidQuery(
          file.path, reason: "unknown key '\(key.string ?? "?")' (expected defaults, queries)")
      }
    }
    return (keepDefaults, entries)
  }
}
