import CapacityModel
import Foundation
import Testing

@testable import CapacityIngest
@testable import CapacityPrometheus

/// Query templating, the defaults as the parser reads them, and how overrides change the set.
@Suite struct PrometheusQueryTests {
  private let window = QueryWindow(start: 0, end: 600, stepSeconds: 15, rateSeconds: 60)

  @Test func grafanaVariablesAreFilledInPerWindow() {
    let query = PrometheusQuery(
      name: "web",
      expression: "rate(x[$__rate_interval]) + rate(y[${__rate_interval}]) / $__interval ${__interval}")
    #expect(query.rendered(for: window) == "rate(x[60s]) + rate(y[60s]) / 15s 15s")
  }

  /// Each default, rendered, is read by the Prometheus parser as the metric its name says and,
  /// for the node queries, as the node.
  @Test func everyDefaultIsReadAsTheMetricItsNameSays() {
    for query in PrometheusQuery.defaults where query.name != PrometheusQuery.hostCPUsName {
      let text = query.rendered(for: window)
      let expected: ResourceMetric = query.name.hasSuffix("-cpu") ? .cpu : .memory
      #expect(PrometheusRangeParser.classify(text: text, labels: [:]) == expected, "\(query.name)")
      #expect(!text.contains("$"), "\(query.name)")
    }
    #expect(
      PrometheusQuery.defaults.map(\.name) == [
        "node-cpu", "node-cpus", "node-memory", "process-cpu", "process-memory", "container-cpu",
        "container-memory",
      ])
  }

  @Test func overridesReplaceAddAndDrop() throws {
    let queries = try PrometheusQuerySet.resolve(overrides: [
      #"node-cpu=sum(rate(node_cpu_seconds_total{instance="web1:9100",mode!~"idle|iowait|steal"}[$__rate_interval]))"#,
      "web-memory = sum by (pod) (container_memory_working_set_bytes{pod=~\"django-.*\"})",
      "process-cpu=", "process-memory=",
    ])
    #expect(
      queries.map(\.name) == [
        "node-cpu", "node-cpus", "node-memory", "container-cpu", "container-memory", "web-memory",
      ])
    #expect(queries[0].expression.contains(#"instance="web1:9100""#))
    #expect(!queries[0].isDefault)
    #expect(queries[1].isDefault)
    #expect(queries[5].expression == "sum by (pod) (container_memory_working_set_bytes{pod=~\"django-.*\"})")
  }

  @Test func aYAMLFileCanStartFromNoDefault() throws {
    let file = TextDocument(
      path: "queries.yaml",
      text: """
        defaults: false
        queries:
          app-cpu: sum by (groupname) (rate(namedprocess_namegroup_cpu_seconds_total{groupname="gunicorn"}[$__rate_interval]))
          app-memory: |
            sum by (groupname) (namedprocess_namegroup_memory_bytes{memtype="resident"})
        """)
    let queries = try PrometheusQuerySet.resolve(file: file, overrides: ["app-memory="])
    #expect(queries.map(\.name) == ["app-cpu"])
    #expect(
      try PrometheusQuerySet.resolve(file: file).last?.expression
        == #"sum by (groupname) (namedprocess_namegroup_memory_bytes{memtype="resident"})"#)
  }

  @Test func badOverridesAreRefusedNamingThem() {
    #expect(throws: PrometheusError.self) { try PrometheusQuerySet.resolve(overrides: ["no equals sign"]) }
    #expect(throws: PrometheusError.self) { try PrometheusQuerySet.resolve(overrides: ["bad name=up"]) }
    let dropAll = PrometheusQuery.defaults.map { "\($0.name)=" }
    #expect(throws: PrometheusError.self) { try PrometheusQuerySet.resolve(overrides: dropAll) }
    let unknown = TextDocument(path: "q.yaml", text: "querys:\n  a: up\n")
    #expect(
      throws: PrometheusError.invalidQuery(
        "q.yaml", reason: "unknown key 'querys' (expected defaults, queries)")
    ) {
      try PrometheusQuerySet.resolve(file: unknown)
    }
  }
}
