import Foundation
import Testing

/// `capacity plan` on the seed's quota situation (Tests/Fixtures/seed-quota; the truth is
/// that folder's `truth.py`): the text, `--json` and `--profiles-from-quota`.
@Suite struct PlanQuotaEndToEndTests {
  static let fixtures = BinaryRunner.repository.appendingPathComponent(
    "Tests/Fixtures/seed-quota"
  ).path
  static let seedRefusal =
    "exceeded quota: vps-quota, requested: limits.cpu=500m,limits.memory=512Mi, used: "
    + "limits.cpu=20700m,limits.memory=23296Mi, limited: limits.cpu=6,limits.memory=8Gi"

  @Test func planPrintsTheRefusalAndOneScaleDownLinePerProfile() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run(["plan", "--manifests", Self.fixtures])
    #expect(result.status == 0)
    #expect(result.stdout.contains("REFUSED connectivity-probe pod 1: " + Self.seedRefusal))
    #expect(result.stdout.contains("pods: 27 of 29 admitted, 2 refused"))
    #expect(!result.stdout.contains("to fit, scale down"))
    #expect(!result.stdout.contains("GiB"))
  }

  @Test func planJSONCarriesQuotaAndLimits() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run(["plan", "--manifests", Self.fixtures, "--json"])
    #expect(result.status == 0)
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(document["schema"] as? String == "capacity-plan/1")
    let quota = try #require(document["quota_and_limits"] as? [String: Any])
    let quotas = try #require(quota["quotas"] as? [[String: Any]])
    #expect((quotas.first?["used"] as? [String: String])?["limits.cpu"] == "20700m")
    #expect(quotas.first?["pods_before_quota"] as? Int == 27)
    let pods = try #require(quota["pods"] as? [[String: Any]])
    #expect(
      pods.filter { $0["admitted"] as? Bool == false }.compactMap { $0["message"] as? String }.first
        == Self.seedRefusal)
    let footprint = try #require(document["footprint"] as? [String: Any])
    // 8850m at minReplicas; django's 4th replica adds 500m at the peak.
    #expect(footprint["cpu_millicores"] as? Int == 8850)
    #expect(footprint["cpu_peak_millicores"] as? Int == 9350)
  }

  @Test func profilesFromQuotaReplayTheQuotaFromTheStart() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run(["plan", "--manifests", Self.fixtures, "--profiles-from-quota", "--json"])
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let profiles = try #require(document["profiles"] as? [[String: Any]])
    let profile = try #require(profiles.first { $0["name"] as? String == "vps-quota" })
    #expect(profile["cpu_millicores"] as? Int == 6000)
    let quota = try #require(profile["quota"] as? [String: Any])
    let refused = try #require(quota["refused"] as? [[String: Any]])
    // truth.py: 20 steady pods refused (the probe included), plus django's peak pod.
    #expect(refused.count == 21)
    #expect(
      refused.first?["message"] as? String
        == "exceeded quota: vps-quota, requested: limits.cpu=800m, used: limits.cpu=5600m, limited: limits.cpu=6"
    )
    #expect(profile["peak_fits"] as? Bool == false)
  }

  @Test func reportHasTheQuotaAndLimitsSection() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let samples = BinaryRunner.repository.appendingPathComponent("samples/runs").path
    let result = try runner.run([
      "analyze", samples, "--manifests", Self.fixtures, "-o", "report", "--db", "runs.sqlite",
    ])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let markdown = try String(contentsOfFile: runner.path("report/report.md"), encoding: .utf8)
    #expect(markdown.contains("### Quota and limits"))
    #expect(markdown.contains("| connectivity-probe | jewelry-shop | 0 | 1 | \(Self.seedRefusal) |"))
    let html = try String(contentsOfFile: runner.path("report/report.html"), encoding: .utf8)
    #expect(html.contains("<h3>Quota and limits</h3>"))
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("report/report.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let quota = try #require(document["quota_and_limits"] as? [String: Any])
    let workloads = try #require(quota["workloads"] as? [[String: Any]])
    let django = try #require(workloads.first { $0["workload"] as? String == "django" })
    #expect(django["admitted"] as? Int == 3)
    #expect(django["refused"] as? Int == 1)
    let components = try #require(
      (document["footprint"] as? [String: Any])?["components"] as? [[String: Any]])
    #expect(components.first { $0["name"] as? String == "django" }?["max_replicas"] as? Int == 4)
  }
}
