import Foundation
import Testing

/// A Docker Compose deployment measured with `docker stats`, against the real `light` Locust run.
/// The stats log is hand-made (Docker's `{{json .}}` format, timestamps inside the run) so every
/// figure below can be worked out by hand.
@Suite struct ComposeEndToEndTests {
  static let compose = """
    services:
      django:
        image: shop/django
        deploy:
          replicas: 2
          resources:
            reservations: {cpus: "0.5", memory: 512M}
            limits: {cpus: "1", memory: 1G}
      redis:
        image: redis:7
        deploy:
          resources:
            reservations: {cpus: "0.1", memory: 256M}
      postgres:
        image: postgres:16
        deploy:
          resources:
            reservations: {cpus: "0.5", memory: 1G}

    """

  /// Every 5 s from 02:09:05Z (the light run spans 02:09:08–02:10:07): two Django containers at
  /// 15 % CPU and 120 MiB each, Redis 1 % / 20 MiB, PostgreSQL 5 % / 80 MiB.
  static var dockerStats: String {
    var lines: [String] = []
    for step in 0..<14 {
      let second = 5 + step * 5
      let time = String(format: "2026-11-29T02:%02d:%02dZ", 9 + second / 60, second % 60)
      for (name, cpu, memory) in [
        ("shop-django-1", "15.00%", "120MiB / 1GiB"), ("shop-django-2", "15.00%", "120MiB / 1GiB"),
        ("shop-redis-1", "1.00%", "20MiB / 1.944GiB"), ("shop-postgres-1", "5.00%", "80MiB / 1.944GiB"),
      ] {
        lines.append(
          "\(time) {\"BlockIO\":\"0B / 0B\",\"CPUPerc\":\"\(cpu)\",\"Container\":\"\(name)\",\"ID\":\"\(name)\","
            + "\"MemPerc\":\"1%\",\"MemUsage\":\"\(memory)\",\"Name\":\"\(name)\",\"NetIO\":\"0B / 0B\",\"PIDs\":\"4\"}"
        )
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test func composeAndDockerStatsGiveRequestsAndMeasuredViews() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    try Self.compose.write(toFile: runner.path("compose.yaml"), atomically: true, encoding: .utf8)
    try Self.dockerStats.write(toFile: runner.path("docker-stats.log"), atomically: true, encoding: .utf8)
    let light = BinaryRunner.repository.appendingPathComponent("samples/runs/light").path
    let result = try runner.run([
      "analyze", light, "docker-stats.log", "--manifests", "compose.yaml", "--overhead", "docker",
      "--db", "c.sqlite", "-o", "r",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("r/report.json")))
    let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])

    // Requests: 2 × 500m + 100m + 500m = 1600m; 2 × 512Mi + 256Mi + 1Gi = 2304Mi (Compose's M is
    // 2^20). Docker overhead 100m / 400Mi leaves 1900m / 3696Mi of vps-4gb: 84.2 % and 62.3 %.
    let profiles = try #require(document["profiles"] as? [[String: Any]])
    let small = try #require(profiles.first { $0["name"] as? String == "vps-4gb" })
    #expect(small["cpu_requests_pct"] as? Double == 84.2)
    #expect(small["memory_requests_pct"] as? Double == 62.3)
    #expect(small["verdict"] as? String == "MINIMUM")

    // Measured: Django's two containers add up to 300m and 240 MiB.
    let resources = try #require(document["resources"] as? [String: Any])
    let run = try #require((resources["runs"] as? [[String: Any]])?.first)
    let components = try #require(run["components"] as? [[String: Any]])
    func selected(_ name: String, _ metric: String) -> [String: Any]? {
      components.first {
        $0["component"] as? String == name && $0["metric"] as? String == metric
          && $0["selected"] as? Bool == true
      }
    }
    #expect(selected("django", "cpu")?["p50"] as? Double == 300)
    #expect(selected("django", "memory")?["max"] as? Int == 240 * 1_048_576)
    #expect(selected("postgres", "cpu")?["p50"] as? Double == 50)
    let recommendation = try #require(resources["recommendation"] as? [String: Any])
    #expect(recommendation["web_component"] as? String == "django")
    // docker stats shows two Django containers: one carries 13.0 ÷ 2 = 6.5 req/s within the SLO.
    // Replicas ⌈13.0 ÷ (6.5 × 0.7)⌉ = 3, each planned at 13.0 ÷ 3 = 4.33 req/s: 300m × 4.33 ÷ 13.0
    // = 100m of CPU, × 1.15 = 115m.
    #expect(recommendation["per_replica_rps"] as? Double == 6.5)
    #expect(recommendation["web_replicas"] as? Int == 3)
    let django = try #require(
      (recommendation["components"] as? [[String: Any]])?.first { $0["name"] as? String == "django" })
    #expect(django["cpu_millicores"] as? Int == 115)
    // One verdict from both views: the measured view fits vps-4gb with room, but its requests
    // (84.2 % of allocatable, above) leave under 20 % headroom, so vps-4gb is MINIMUM and the
    // cheapest RECOMMENDED is vps-6gb (1600m of 2900m).
    let answer = document["answer"] as? String ?? ""
    #expect(
      answer.hasPrefix("Buy vps-6gb (3 CPU, 6Gi) (RECOMMENDED on requests and measured usage)"), "\(answer)"
    )
    #expect(answer.contains("vps-4gb (2 CPU, 4Gi) is the minimum (MINIMUM)"))
  }
}
