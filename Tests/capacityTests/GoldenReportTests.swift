import Foundation
import Testing

/// Golden reports: `capacity analyze <set> --manifests samples/k8s` run by the built binary in a
/// scratch directory, its `report.md` and `report.json` compared byte for byte with
/// `Snapshots/<set>/`. A renamed view field (which Mustache renders as empty), a changed figure or a
/// reordered table shows up here and in review. Nothing is stripped: the inputs are staged under
/// short relative paths, so the provenance table names them the same in every checkout, and the
/// store is fresh, so no earlier ingest leaks in. Record or update with `UPDATE_SNAPSHOTS=1`.
///
/// Reviewed by hand once (2026-12-01) against `python3 Tests/capacityTests/Fixtures/golden_truth.py`
/// (standard library only, reads the input files) and the corpus and samples READMEs:
/// - samples: 6 runs from 22 files; requests / failures of every run equal the `Aggregated` rows
///   (light 771/0, medium 1830/0, stress 4164/0, stepped 6657/0, invalid 395/395, broken 182/182);
///   light p95 190 ms and p99 350 ms, medium p95 610 ms, stress 70.27 req/s; invalid's 395
///   connection-refused failures (sum of `invalid_failures.csv`); broken's 168 / 10 / 4 error
///   categories (samples/README.md); footprint 3350m / 4608Mi (samples/README.md) and the requests
///   columns 167.5 / 112.5, 111.7 / 75.0, 83.8 / 56.3 % (3350 ÷ 2000, 3000, 4000; 4608 ÷ 4096, 6144, 8192).
/// - samples/extra (re-reviewed 2026-12-01, with the README's first command): 10 runs from 31 files;
///   jmeter_shop 1101 samples, 0 failed, 17.76 req/s over 62 whole seconds, R-7 p50 12, p95 201,
///   p99 289 ms; cf_locust 1791 / 167, p95 3000 ms; build-1 / build-2 shop30u 1238 / 1001 requests,
///   p95 2900 / 4100 ms, one trend `shop30u` in that order (first history ticks 08:50:14, 08:59:35);
///   gunicorn CPU mean over each run's span (pidstat) light 335.6m, medium 927.4m, stress 1639.8m,
///   stepped 1078.9m, jmeter_shop 479.5m, RSS peak 110.3–110.5 MiB; node CPU mean (sadf -d) 446.7m,
///   1225.5m, 1950.0m, 1281.3m, invalid 106.0m, 628.0m, memory peak 252.7, 900.5 (the other job's
///   burst), 265.9, 261.7, 180.1, 322.0 MiB; the three faults' failed requests 1, 35, 131
///   (`Tests/Fixtures/chaos/locust/_truth.json`, from the per-request log); the Mermaid points of
///   light and stepped (req/s means and highest window p95 per 2 s and 5 s stretch) equal
///   golden_truth.py's `mermaid_timeline` element for element. Failures per endpoint (duckdb
///   `sum(Occurrences)` over the failures CSVs by Method, Name): invalid's 395 refused, /products/[id]/
///   175, ?page 105, /api/cart/ 48 of 6 endpoints; cf_locust's 128 refused 57, 32, 17 of 5 and 35
///   timeouts 14, 11, 6 of 5.
/// - jmeter_xml: 1088 samples (JMeter's own `summary =` total), 0 failed, 60 sub-results set aside
///   (child samples in the XML); exact R-7 p50 11, p95 229.6, p99 319.52, max 507, mean 38.66 ms;
///   all six per-label counts (30, 105, 248, 468, 122, 115) and p95s (275.65, 21.8, 99.55, 57.65,
///   327.85, 42.8 ms); over the run's span, gunicorn CPU mean 505.2m and RSS peak 110Mi (pidstat),
///   node CPU mean 663.9m and memory peak 321Mi (sadf -d). The duration is 61 s, not the 60.52 s
///   from first start to last end: a raw log's span counts whole start seconds (so 17.84 req/s, not 17.98).
///   APDEX at T = 125 ms (`scripts/apdex-truth/apdex-truth.py`, duckdb over the JTL): 0.949 over all
///   (979 satisfied, 108 tolerating, 1 frustrated); per label 0.933, 1.000, 0.984, 0.995, 0.623, 0.996,
///   as the Markdown's run table, APDEX line and endpoint column print them.
/// - noisy_neighbor_medium: 1798 requests, 0 failed, 30.32 req/s, p50 86, p95 510, p99 680 ms,
///   `/search/` p95 740 ms (the `Aggregated` and endpoint rows); gunicorn CPU mean 712.6m (pidstat;
///   the corpus README's 0.59 core averages the whole pidstat file, idle lead-in and tail included),
///   locust CPU mean 117.25m (printed 117.3) and max of 10 s means 172.5m (ktop), node CPU mean
///   1838.5m and memory peak 814Mi (sadf -x): host CPU far above the 830m of the processes, as the
///   corpus README says the report should notice.
@Suite(.serialized) struct GoldenReportTests {
  @Test(arguments: GoldenSet.all) func reportsMatchTheirSnapshots(_ set: GoldenSet) throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try set.analyze(in: runner)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    for name in ["report.md", "report.json"] {
      try Snapshot.expect(
        fileAt: runner.path("\(GoldenSet.reportDirectory)/\(name)"), matches: "\(set.name)/\(name)")
    }
    // Markdown that reads in a terminal and a diff: tables without long cells, prose wrapped.
    let markdown = try String(
      contentsOfFile: runner.path("\(GoldenSet.reportDirectory)/report.md"), encoding: .utf8)
    let long = markdown.split(separator: "\n").filter { $0.count > 300 }.map { $0.prefix(60) }
    #expect(long.isEmpty, "lines over 300 characters: \(long)")
  }
}
