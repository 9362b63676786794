import CapacityModel
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps measured entities (pods, containers, processes) to deployment components.
///
/// Rules, first match wins:
/// 1. node-level series (sysstat, node_exporter) are `node`;
/// 2. the optional mapping file: `components: {postgresql: ["postgres*", "pg-*"]}` (shell globs);
/// 3. load generators (`locust`, `jmeter`, `java`, `k6`, `gatling`, `vegeta`, `wrk`) are `loadgen`,
///    never sized as the application;
/// 4. application servers (`gunicorn*`, `uwsgi`, `uvicorn`, `daphne`, `hypercorn`, `django-*`) are
///    the web component;
/// 5. Kubernetes and Compose suffixes are stripped: `django-7c9f8b6c5d-x2kq9` → `django`
///    (Deployment pod), `postgresql-0` → `postgresql` (StatefulSet), `shop-redis-1` → `shop-redis`,
///    then a known deployment component named by the last dash-separated words wins (`shop-redis` → `redis`).
public struct ComponentMapper: Sendable, Equatable {
  /// The component that serves the load test's requests (scaled by throughput).
  public var webComponent: String
  /// Explicit rules from the mapping file, in file order.
  public var rules: [(component: String, patterns: [String])]
  /// Deployment component names, for matching stripped names.
  public var known: [String]
  /// Replicas of each component that were running while the samples were taken (default 1: one host).
  public var measuredReplicas: [String: Int]

  public static let node = "node"
  public static let loadGenerator = "loadgen"
  package static let webNames = [
    "web", "app", "django", "api", "frontend", "backend", "rails", "flask", "fastapi",
  ]
  package static let loadGenerators = ["locust", "jmeter", "java", "k6", "gatling", "vegeta", "wrk", "ab"]
  package static let appServers = [
    "gunicorn", "uwsgi", "uvicorn", "daphne", "hypercorn", "django", "celery-web",
  ]

  public init(
    webComponent: String? = nil, rules: [(component: String, patterns: [String])] = [], known: [String] = [],
    measuredReplicas: [String: Int] = [:]
  ) {
    self.webComponent = webComponent ?? Self.webNames.first { known.contains($0) } ?? "app"
    self.rules = rules
    self.known = known
    self.measuredReplicas = measuredReplicas
  }

  public static func == (lhs: ComponentMapper, rhs: ComponentMapper) -> Bool {
    lhs.webComponent == rhs.webComponent && lhs.known == rhs.known
      && lhs.measuredReplicas == rhs.measuredReplicas
      && lhs.rules.map(\.component) == rhs.rules.map(\.component)
      && lhs.rules.map(\.patterns) == rhs.rules.map(\.patterns)
  }

  /// The component a series belongs to.
  public func component(of series: ResourceSeries) -> String {
    series.isNode ? Self.node : component(entity: series.entity)
  }

  public func component(entity: String) -> String {
    for rule in rules where rule.patterns.contains(where: { Self.matches($0, entity) }) {
      return rule.component
    }
    let lower = entity.lowercased()
    let base = Self.stripped(lower)
    if Self.loadGenerators.contains(where: { base == $0 || base.hasPrefix($0 + "-") }) {
      return Self.loadGenerator
    }
    if Self.appServers.contains(where: { base == $0 || base.hasPrefix($0 + "-") || base.hasPrefix($0 + ":") })
    {
      return webComponent
    }
    if known.contains(base) { return base }
    let words = base.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    for count in stride(from: words.count - 1, through: 1, by: -1) {
      let tail = words.suffix(count).joined(separator: "-")
      if known.contains(tail) { return tail }
    }
    return base
  }

  /// Removes a Deployment pod's `-<replicaset hash>-<5 chars>`, a StatefulSet / Compose `-<n>` or a
  /// process id suffix.
  package static func stripped(_ name: String) -> String {
    var parts = name.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
    if parts.count >= 3, parts[parts.count - 1].count == 5, (6...10).contains(parts[parts.count - 2].count),
      (parts[parts.count - 1] + parts[parts.count - 2]).allSatisfy({ $0.isLetter || $0.isNumber }),
      parts[parts.count - 2].contains(where: \.isNumber)
    {
      parts.removeLast(2)
    } else if parts.count >= 2, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) {
      parts.removeLast()
    }
    let joined = parts.joined(separator: "-")
    if let underscore = joined.range(of: #"_\d+$"#, options: .regularExpression) {
      return String(joined[..<underscore.lowerBound])
    }
    return joined
  }

  package static func matches(_ pattern: String, _ name: String) -> Bool {
    fnmatch(pattern, name, 0) == 0
  }
}
