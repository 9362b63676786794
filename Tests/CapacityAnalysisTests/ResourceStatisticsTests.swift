import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityPlanning
@testable import CapacityTestSupport

/// Per-run resource statistics on the real corpus. Reference means were computed independently
/// from the raw files with Python over the Locust history's first..last timestamp (light
/// 1795918148–1795918207, stepped 1795918524–1795918685), e.g. for pidstat:
/// `sum(%CPU×10 of the gunicorn rows per second)` averaged over the window:
///
/// | run | pidstat gunicorn | ktop.log gunicorn | prometheus gunicorn | sar node | prometheus node |
/// |---|---|---|---|---|---|
/// | stepped | 1078.92m | 1050.33m | 1052.04m | 1273.50m | 1238.09m |
/// | light   | 335.55m  | 340.33m  | 320.25m  | 446.66m  | 427.29m  |
@Suite struct ResourceStatisticsTests {
  func resources(_ folder: String) throws -> RunResources {
    let analysis = RunAnalyzer(thresholds: AnalysisThresholds()).analyze(try Corpus.run(folder))
    let result = ResourceStatistics().analyze(
      [analysis], files: try ResourceFixtures.files(folder), mapper: ComponentMapper())
    return try #require(result.runs.first)
  }

  func mean(_ run: RunResources, _ component: String, _ kind: InputKind, _ metric: ResourceMetric = .cpu)
    -> Double?
  {
    run.usage.first { $0.component == component && $0.sourceKind == kind.rawValue && $0.metric == metric }?
      .summary.mean
  }

  @Test(arguments: [
    ("stepped", 1078.92, 1050.33, 1052.04, 1273.50, 1238.09),
    ("light", 335.55, 340.33, 320.25, 446.66, 427.29),
  ])
  func sourcesAgreeWithTheIndependentReferenceAndWithEachOther(
    folder: String, pidstat: Double, ktop: Double, prometheus: Double, sarNode: Double, promNode: Double
  ) throws {
    let run = try resources(folder)
    let measured = try [
      #require(mean(run, "app", .pidstat)), #require(mean(run, "app", .kubectlTop)),
      #require(mean(run, "app", .prometheusRange)),
    ]
    for (value, reference) in zip(measured, [pidstat, ktop, prometheus]) {
      #expect(abs(value - reference) < 0.01)
    }
    // ktop.log and Prometheus agree with pidstat within 5 % (Prometheus smooths over a 5 s rate
    // window, ktop samples every 5 s).
    for value in measured.dropFirst() { #expect(abs(value / measured[0] - 1) < 0.05) }
    let xml = try #require(mean(run, "node", .sadfXML))
    let csv = try #require(mean(run, "node", .sadfCSV))
    let prom = try #require(mean(run, "node", .prometheusRange))
    #expect(abs(xml - sarNode) < 0.01 && abs(csv - sarNode) < 0.01)
    #expect(abs(prom - promNode) < 0.01)
    #expect(abs(xml / prom - 1) < 0.05)
    // pidstat is the selected source for the app; memory peaks at the README's ~110 MiB.
    #expect(
      run.usage.first { $0.component == "app" && $0.metric == .cpu && $0.selected }?.sourceKind == "pidstat")
    let memory = try #require(run.selected("app", .memory))
    #expect(abs(memory.max / 1_048_576 - 110.4) < 0.2)
    #expect(run.notes.isEmpty)
  }

  @Test func loadGeneratorIsItsOwnComponentAndNeverTheApp() throws {
    let run = try resources("stepped")
    #expect(
      run.usage.contains {
        $0.component == ComponentRole.loadGenerator.rawValue && $0.sourceKind == "kubectl-top-log"
      })
    #expect(Set(run.usage.map(\.component)) == ["app", "loadgen", "node"])
  }

  @Test func steppedRunGivesPerStepUsageAndACPUCostPerRequest() throws {
    let run = try resources("stepped")
    #expect(run.steps.map(\.users) == [10, 20, 40, 60, 80, 100, 150, 200])
    let cost = try #require(run.costs.first { $0.component == "app" })
    // The README's per-step table: 0.21 cores at 7 req/s … 0.94 at 38.8 — about 20–25m per req/s.
    #expect(cost.millicoresPerRPS > 18 && cost.millicoresPerRPS < 30)
    #expect(cost.points == 8)
  }

  @Test func alignmentNotesFilesOutsideEveryRunAndPartialCoverage() throws {
    let light = RunAnalyzer(thresholds: AnalysisThresholds()).analyze(try Corpus.run("light"))
    let stepped = try ResourceFixtures.file("stepped/pidstat.txt")  // 02:15–02:18, light ran 02:09–02:10
    var partial = try ResourceFixtures.file("light/pidstat.txt")
    let start = try #require(light.run.startedAt?.timeIntervalSince1970)
    for index in partial.series.indices {
      partial.series[index].points.removeAll { $0.time > start + 30 }
    }
    let result = ResourceStatistics().analyze([light], files: [stepped, partial], mapper: ComponentMapper())
    #expect(result.notes.count == 1)
    #expect(result.notes.first?.contains("overlap no run") == true)
    #expect(result.notes.first?.hasPrefix(stepped.source.path) == true)
    let run = try #require(result.runs.first)
    #expect(run.notes.first?.hasPrefix("resource samples cover only 51 %") == true)
  }

  @Test func hostCPUMuchAboveTheProcessesIsFlagged() throws {
    let light = RunAnalyzer(thresholds: AnalysisThresholds()).analyze(try Corpus.run("light"))
    let start = try #require(light.run.startedAt?.timeIntervalSince1970)
    let source = SourceFile(path: "host.csv", role: "sadf-csv", sha256: "", bytes: 0)
    let app = ResourceSeries(
      entity: "gunicorn", metric: .cpu, unit: .millicores,
      source: SourceFile(path: "p", role: "pidstat", sha256: "", bytes: 0),
      points: (0...60).map { ResourcePoint(time: start + Double($0), value: 600) })
    let host = ResourceSeries(
      entity: "node", isNode: true, metric: .cpu, unit: .millicores, source: source,
      points: (0...60).map { ResourcePoint(time: start + Double($0), value: 1820) })
    let result = ResourceStatistics().analyze(
      [light], files: [ResourceFile(source: source, series: [app, host])], mapper: ComponentMapper())
    #expect(
      result.runs.first?.notes.first?.hasPrefix(
        "host CPU averaged 1820m while the measured processes used 600m") == true)
  }
}

@Suite struct ComponentMapperTests {
  @Test func defaultRules() {
    let mapper = ComponentMapper(known: ["django", "postgresql", "redis"])
    #expect(mapper.webComponent == "django")
    #expect(mapper.component(entity: "django-7c9f8b6c5d-x2kq9") == "django")
    #expect(mapper.component(entity: "postgresql-0") == "postgresql")
    #expect(mapper.component(entity: "gunicorn") == "django")
    #expect(mapper.component(entity: "django-worker-4435") == "django")
    #expect(mapper.component(entity: "gunicorn-master-4433") == "django")
    #expect(mapper.component(entity: "locust-4470") == "loadgen")
    #expect(mapper.component(entity: "jmeter") == "loadgen")
    #expect(mapper.component(entity: "shop-redis-1") == "redis")
    #expect(mapper.component(entity: "shop_redis_1") == "redis")
    #expect(ComponentMapper().component(entity: "gunicorn") == "app")
  }

  @Test func mappingFileRulesComeFirst() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "mapper-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("components.yaml").path
    try """
    web: api
    components:
      db: ["postgres*", "pg-*"]
      api: gunicorn*
    measured_replicas:
      api: 2
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let mapper = try ComponentMappingLoader().load(path: path, deployment: nil)
    #expect(mapper.webComponent == "api")
    #expect(mapper.component(entity: "postgresql-0") == "db")
    #expect(mapper.component(entity: "pg-bouncer") == "db")
    #expect(mapper.component(entity: "gunicorn") == "api")
    #expect(mapper.measuredReplicas == ["api": 2])
    try "nonsense: 1".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: PlanningError.self) { try ComponentMappingLoader().load(path: path, deployment: nil) }
  }
}
