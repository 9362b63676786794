import Foundation
import Testing

/// `capacity compare` through the binary on real runs made for it (Tests/Fixtures/
/// compare/README.md): plain Locust and JMeter runs of one build twice, and of a build made 30 %
/// slower (`SHOP_SLOW=1.3`). Expected verdicts and p-values come from compare_truth.py there
/// (scipy on the runs' own files), not from capacity.
@Suite struct CompareRealRunsEndToEndTests {
  static let fixtures = BinaryRunner.repository.appendingPathComponent(
    "Tests/Fixtures/compare")

  private func compare(_ baseline: String, _ candidate: String) throws -> (
    status: Int32, document: [String: Any]
  ) {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run([
      "compare", Self.fixtures.appendingPathComponent(baseline).path,
      Self.fixtures.appendingPathComponent(candidate).path, "--db", "c.sqlite", "--format", "json",
    ])
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
    return (result.status, document)
  }

  private func metric(_ document: [String: Any], _ scope: String, _ name: String) throws -> [String: Any] {
    let metrics = try #require(document["metrics"] as? [[String: Any]])
    return try #require(metrics.first { $0["scope"] as? String == scope && $0["metric"] as? String == name })
  }

  /// Two runs of one build: no regression overall or in any endpoint row, exit 0.
  @Test(arguments: [
    ("locust_a", "locust_b"), ("locust10u_a", "locust10u_b"), ("jmeter_a.jtl", "jmeter_b.jtl"),
    ("jmeter10t_a.jtl", "jmeter10t_b.jtl"),
  ])
  func twoRunsOfOneBuildAreNoRegression(pair: (String, String)) throws {
    let (status, document) = try compare(pair.0, pair.1)
    #expect(status == 0)
    #expect(document["verdict"] as? String != "regression")
    let metrics = try #require(document["metrics"] as? [[String: Any]])
    #expect(metrics.count == 21)
    #expect(!metrics.contains { $0["verdict"] as? String == "regression" })
    #expect(metrics.filter { $0["family"] as? String == "primary" }.count == 3)
  }

  /// compare_truth.py locust_a vs locust_b: overall p50 p = 0.5407 (exact), Holm 1.0; throughput
  /// p = 0.6986, Holm 1.0.
  @Test func locustPValuesAreScipys() throws {
    let (_, document) = try compare("locust_a", "locust_b")
    let p50 = try metric(document, "overall", "p50_ms")
    #expect(abs((p50["p_value"] as? Double ?? -1) - 0.5407) < 0.0001)
    #expect(p50["p_method"] as? String == "exact")
    #expect(p50["adjusted_p_value"] as? Double == 1)
    let throughput = try metric(document, "overall", "throughput_rps")
    #expect(abs((throughput["p_value"] as? Double ?? -1) - 0.6986) < 0.0001)
  }

  /// Raw JMeter logs, 10 threads: the slower build is a regression on its 5 s windows (exact U over
  /// 21 + 22 windows; compare_truth.py gives the verdict regression, p50 +188 %).
  @Test func theSlowerBuildIsARegressionInARawLog() throws {
    let (status, document) = try compare("jmeter10t_a.jtl", "jmeter10t_slow.jtl")
    #expect(status == 2)
    #expect(document["verdict"] as? String == "regression")
    #expect(((document["settings"] as? [String: Any])?["window_basis"]) as? String == "requests")
    let p50 = try metric(document, "overall", "p50_ms")
    #expect(p50["verdict"] as? String == "regression")
    #expect((p50["adjusted_p_value"] as? Double ?? 1) < 1e-4)
  }

  /// The slower build against the run of the same day before it: a regression overall, exit 2.
  @Test func theSlowerBuildIsARegression() throws {
    let (status, document) = try compare("locust10u_b", "locust10u_slow")
    #expect(status == 2)
    #expect(document["verdict"] as? String == "regression")
    let p50 = try metric(document, "overall", "p50_ms")
    #expect(p50["verdict"] as? String == "regression")
    #expect(abs((p50["p_value"] as? Double ?? -1) - 2.1e-4) < 0.5e-4)
    #expect(abs((p50["adjusted_p_value"] as? Double ?? -1) - 6.2e-4) < 1.5e-4)
  }
}
