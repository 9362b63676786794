import Foundation
import Testing

@testable import CapacityIngest
@testable import CapacityModel
@testable import CapacityTestSupport

/// Parsers on the real corpus files (see Fixtures/resources) and on small hand-written inputs.
@Suite struct ResourceParserTests {
  @Test func detectsEveryCorpusResourceFormatByContent() throws {
    let collection = try InputCollector().collect([ResourceFixtures.path("stepped")])
    let kinds = Dictionary(
      collection.files.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.kind) },
      uniquingKeysWith: { first, _ in first })
    #expect(kinds["pidstat.txt"] == .pidstat)
    #expect(kinds["sar_u_r.xml"] == .sadfXML)
    #expect(kinds["sar_u_r.csv"] == .sadfCSV)
    #expect(kinds["ktop.log"] == .kubectlTop)
    #expect(kinds["process_cpu_rate.json"] == .prometheusRange)
    #expect(collection.skipped.map { URL(fileURLWithPath: $0).lastPathComponent } == ["queries.txt"])
  }

  @Test func pidstatGivesOneSeriesPerProcessWithDateFromTheBanner() throws {
    let file = try ResourceFixtures.file("stepped/pidstat.txt")
    #expect(file.diagnostics.isEmpty)
    let cpu = file.series.filter { $0.metric == .cpu }
    #expect(cpu.map(\.instance) == ["pid 4433", "pid 4435", "pid 4436"])
    #expect(cpu.allSatisfy { $0.entity == "gunicorn" && $0.hostCPUs == 2 && $0.host == "vm" })
    // First row: `02:15:20 0 4433 … 19496 (RSS KiB) … gunicorn` on 2026-11-29.
    let master = try #require(file.series.first { $0.metric == .memory && $0.instance == "pid 4433" })
    #expect(master.points.first == ResourcePoint(time: 1_795_918_520, value: 19496 * 1024))
  }

  @Test func sadfXMLAndCSVAgreeSampleForSample() throws {
    let xml = try ResourceFixtures.file("stepped/sar_u_r.xml")
    let csv = try ResourceFixtures.file("stepped/sar_u_r.csv")
    let xmlCPU = try #require(xml.series.first { $0.metric == .cpu })
    let csvCPU = try #require(csv.series.first { $0.metric == .cpu })
    #expect(xmlCPU.unit == .millicores && xmlCPU.hostCPUs == 2)
    // The CSV has no LINUX-RESTART row, so it cannot know the CPU count: it stays a percentage.
    #expect(csvCPU.unit == .hostPercent)
    #expect(xmlCPU.points.count == csvCPU.points.count)
    for (a, b) in zip(xmlCPU.points, csvCPU.points) {
      #expect(a.time == b.time)
      #expect(abs(a.value - b.value / 100 * 2000) < 1e-6)
    }
    // `vm;1;2026-11-29 02:15:20 UTC;-1;4.50;…;89.50` → 10.5 % of 2 CPUs.
    #expect(xmlCPU.points.first.map { abs($0.value - 210) < 1e-9 } == true)
    let memory = try #require(xml.series.first { $0.metric == .memory })
    #expect(memory.points.first?.value == Double(213_924 * 1024))
    #expect(csv.series.first { $0.metric == .memory }?.points == memory.points)
  }

  @Test func sadfCSVReadsRestartAndCommentRowsAndUAllNames() throws {
    let text = """
      # hostname;interval;timestamp;CPU;%usr;%nice;%sys;%iowait;%steal;%irq;%soft;%guest;%gnice;%idle
      web1;-1;2024-05-29 16:26:00 UTC;LINUX-RESTART\t(8 CPU)
      web1;60;2024-05-29 16:27:00 UTC;-1;37.10;0.00;5.22;0.31;0.00;0.00;0.00;0.00;0.00;57.37
      web1;60;2024-05-29 16:27:30 UTC;COM hello
      web1;60;2024-05-29 16:28:00 UTC;0;81.93;0.00;9.80;0.05;0.02;0.00;0.00;0.00;0.00;8.20
      """
    let file = try SadfCSVParser().parse(
      Array(text.utf8), source: SourceFile(path: "u.csv", role: "sadf-csv", sha256: "", bytes: 0))
    #expect(file.series.count == 1)
    let cpu = try #require(file.series.first)
    #expect(cpu.unit == .millicores && cpu.hostCPUs == 8)
    #expect(cpu.points.count == 1)  // the per-CPU row (CPU 0) is not the node
    #expect(abs((cpu.points.first?.value ?? 0) - 42.63 / 100 * 8000) < 1e-6)
  }

  @Test func prometheusKeepsSeveralSeriesDropsNaNAndInfAndSkipsPercentages() throws {
    let text = """
      {"status":"success","data":{"resultType":"matrix","result":[
      {"metric":{"__name__":"container_memory_working_set_bytes","pod":"django-7c9f8b6c5d-x2kq9","container":"web"},
       "values":[[1717000000,"1048576"],[1717000015.5,"NaN"],[1717000030,"+Inf"],[1717000045,"2097152"]]},
      {"metric":{"__name__":"container_memory_working_set_bytes","pod":"postgresql-0","container":"db"},
       "values":[[1717000000,"-Inf"],[1717000060,"3e6"]]}]}}
      """
    let source = SourceFile(path: "/tmp/x.json", role: "prometheus-query-range", sha256: "", bytes: 0)
    let file = try PrometheusRangeParser().parse(Array(text.utf8), source: source, query: nil)
    #expect(file.series.map(\.entity) == ["django-7c9f8b6c5d-x2kq9", "postgresql-0"])
    #expect(file.series[0].points.map(\.time) == [1_717_000_000, 1_717_000_045])  // gap kept as a gap
    #expect(file.series[1].points == [ResourcePoint(time: 1_717_000_060, value: 3_000_000)])
    #expect(file.diagnostics.map(\.message) == ["dropped 3 NaN or infinite sample(s)"])

    let busy = try ResourceFixtures.file("stepped/prometheus/node_cpu_busy_percent.json")
    #expect(busy.series.isEmpty)
    #expect(busy.diagnostics.first?.message.contains("skipped series") == true)
  }

  @Test func prometheusUsesQueriesTxtToNameRatesWithoutMetricNames() throws {
    let cpu = try ResourceFixtures.file("stepped/prometheus/process_cpu_rate.json")
    #expect(Set(cpu.series.map(\.entity)) == ["gunicorn", "jmeter", "locust"])
    #expect(cpu.series.allSatisfy { $0.metric == .cpu && $0.unit == .millicores })
    let node = try ResourceFixtures.file("stepped/prometheus/node_memory_used_bytes.json")
    #expect(node.series.count == 1 && node.series[0].isNode && node.series[0].metric == .memory)
  }

  @Test func kubectlTopShapesWithNamespacesHeadersAndOffsets() throws {
    let text = """
      2026-03-29T01:59:59+01:00 NAMESPACE   NAME                   CPU(cores)   MEMORY(bytes)
      2026-03-29T01:59:59+01:00 shop        django-7c9f8b6c5d-x2kq9   251m         312Mi
      2026-03-29T03:00:00+02:00 shop        django-7c9f8b6c5d-x2kq9   300m         320Mi
      2026-03-29T01:00:01Z postgresql-0 12m 1Gi
      garbage
      """
    let source = SourceFile(path: "k.log", role: "kubectl-top-log", sha256: "", bytes: 0)
    let file = try KubectlTopParser().parse(Array(text.utf8), source: source)
    let django = try #require(
      file.series.first { $0.entity == "django-7c9f8b6c5d-x2kq9" && $0.metric == .cpu })
    // Across the DST change the two local times are one second apart in UTC.
    #expect(django.points.map(\.time) == [1_774_745_999, 1_774_746_000])
    #expect(django.points.map(\.value) == [251, 300])
    #expect(
      file.series.first { $0.entity == "postgresql-0" && $0.metric == .memory }?.points.first?.value
        == 1_073_741_824)
    #expect(file.diagnostics.map(\.location.line) == [5])
    #expect(InputKind.detect(head: Array(text.utf8)) == .kubectlTop)
  }

  @Test func dockerStatsTableAndJSONWithBinaryAndDecimalUnits() throws {
    let text = """
      2024-05-29T16:27:00Z CONTAINER ID   NAME            CPU %     MEM USAGE / LIMIT     MEM %     NET I/O          BLOCK I/O   PIDS
      2024-05-29T16:27:00Z 3f2a9c1b7d4e   shop-django-1   112.34%   45.6MiB / 1.944GiB    2.29%     1.2kB / 1e+03kB  0B / 0B     5
      2024-05-29T16:27:00Z 9a8b7c6d5e4f   shop-redis-1    --        -- / --               --        --               --          --
      2024-05-29T16:27:05Z {"BlockIO":"0B / 0B","CPUPerc":"0.50%","Container":"9a8b","ID":"9a8b","MemPerc":"0.1%","MemUsage":"2MB / 1.944GiB","Name":"shop-redis-1","NetIO":"0B / 0B","PIDs":"4"}
      """
    let source = SourceFile(path: "d.log", role: "docker-stats-log", sha256: "", bytes: 0)
    let file = try DockerStatsParser().parse(Array(text.utf8), source: source)
    #expect(
      file.series.first { $0.entity == "shop-django-1" && $0.metric == .cpu }?.points.first?.value == 1123.4)
    #expect(
      file.series.first { $0.entity == "shop-django-1" && $0.metric == .memory }?.points.first?.value == 45.6
        * 1_048_576)
    #expect(
      file.series.first { $0.entity == "shop-redis-1" && $0.metric == .memory }?.points.map(\.value) == [
        2_000_000
      ])
    #expect(InputKind.detect(head: Array(text.utf8)) == .dockerStats)
  }

  @Test func offsetTimestampsNormaliseToUTC() {
    #expect(OffsetTimestamp.parse("2026-11-29T03:15:24+01:00")?.timeIntervalSince1970 == 1_795_918_524)
    #expect(OffsetTimestamp.parse("2026-11-28T21:15:24-0500")?.timeIntervalSince1970 == 1_795_918_524)
    #expect(OffsetTimestamp.parse("2026-11-29T02:15:24Z")?.timeIntervalSince1970 == 1_795_918_524)
    #expect(OffsetTimestamp.parse("02:15:24") == nil)
  }
}
