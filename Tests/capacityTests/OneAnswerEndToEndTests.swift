import Foundation
import Testing

/// The answer, the profile table, the terminal summary and `report.json.recommendation` name the
/// same profile and verdict (issue 10), with and without resource samples, and each SLO miss gets
/// its cause. Truths: the seed manifests' arithmetic (samples/README.md: 3350m / 4608Mi requested,
/// django 2 × 500m / 512Mi), the corpus README, and Fixtures/cause/truth.py on the real run files.
@Suite(.serialized) struct OneAnswerEndToEndTests {
  let repository = BinaryRunner.repository

  struct Outcome {
    var document: [String: Any]
    var stdout: String
    var markdown: String
    var html: String

    var answer: String { document["answer"] as? String ?? "" }
    var recommendation: [String: Any] { document["recommendation"] as? [String: Any] ?? [:] }
    var profiles: [[String: Any]] { document["profiles"] as? [[String: Any]] ?? [] }
    func run(_ name: String) -> [String: Any] {
      (document["runs"] as? [[String: Any]])?.first { $0["name"] as? String == name } ?? [:]
    }
    func cause(_ name: String) -> [String: Any] { run(name)["slo_cause"] as? [String: Any] ?? [:] }
  }

  func analyze(_ paths: [String], extra: [String] = []) throws -> Outcome {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let result = try runner.run(
      ["analyze"] + paths.map { repository.appendingPathComponent($0).path }
        + [
          "--manifests", repository.appendingPathComponent("samples/k8s").path, "-o", "report", "--db",
          "r.sqlite",
        ]
        + extra, environment: ["NO_COLOR": "1"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let json = try Data(contentsOf: URL(fileURLWithPath: runner.path("report/report.json")))
    return Outcome(
      document: try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any]),
      stdout: result.stdout,
      markdown: try String(contentsOfFile: runner.path("report/report.md"), encoding: .utf8),
      html: try String(contentsOfFile: runner.path("report/report.html"), encoding: .utf8))
  }

  /// The headline names `recommendation.profile` with that profile's own table verdict, and the
  /// terminal prints the same; no "replica(s)" anywhere.
  func expectOneAnswer(_ outcome: Outcome) throws -> (profile: String?, verdict: String) {
    let verdict = try #require(outcome.recommendation["verdict"] as? String)
    let profile = outcome.recommendation["profile"] as? String
    if let profile {
      #expect(outcome.answer.hasPrefix("Buy \(profile) ("), "\(outcome.answer)")
      let word = verdict == "RECOMMENDED" ? "(RECOMMENDED on " : "as the minimum (MINIMUM on "
      #expect(outcome.answer.contains(word), "\(outcome.answer)")
      let row = try #require(outcome.profiles.first { $0["name"] as? String == profile })
      #expect(row["combined_verdict"] as? String == verdict)
      #expect(outcome.stdout.contains("recommendation: \(profile) \(verdict)"), "\(outcome.stdout)")
    } else {
      #expect(verdict == "NOT RECOMMENDED")
      #expect(outcome.answer.hasPrefix("None carries the target"), "\(outcome.answer)")
      #expect(outcome.profiles.allSatisfy { $0["combined_verdict"] as? String == "NOT RECOMMENDED" })
      #expect(outcome.stdout.contains("recommendation: no profile carries the target: NOT RECOMMENDED"))
    }
    for text in [outcome.answer, outcome.stdout, outcome.markdown, outcome.html] {
      #expect(!text.contains("replica(s)") && !text.contains("run(s)"))
    }
    // One profile table: the requests and the measured view in the same rows.
    #expect(!outcome.markdown.contains("## Requests say / reality says"))
    #expect(
      outcome.markdown.contains(
        "| Profile | Capacity | Overhead | Requests: CPU | Requests: memory | Measured: CPU |"))
    return (profile, verdict)
  }

  @Test func samplesWithoutResourceSamples() throws {
    let outcome = try analyze(["samples/runs"])
    let (profile, verdict) = try expectOneAnswer(outcome)
    // Requests: 3350m of vps-8gb's 4000m is 83.75 % (> 80 %: MINIMUM); 4 GB and 6 GB allocate
    // 2000m and 3000m, less than 3350m. Load: next to 2350m of other requests, (4000 − 2350) ÷ 500
    // = 3 django replicas fit in vps-8gb.
    #expect(profile == "vps-8gb" && verdict == "MINIMUM")
    #expect(outcome.recommendation["basis"] as? String == "requests and load carried")
    let row = try #require(outcome.profiles.first { $0["name"] as? String == "vps-8gb" })
    #expect(row["carries_web_replicas"] as? Int == 3)
    #expect(row["verdict"] as? String == "MINIMUM")
    // Each carried req/s is 3 × the per-replica figure of the stepped run at its capacity (about
    // 77 users): between the corpus README's 60-user (38.8 req/s) and 80-user (48.2) steps.
    let rps = try #require(row["carries_rps"] as? Double)
    #expect(rps > 3 * 38.8 && rps < 3 * 48.2, "\(rps)")
    // Without samples, stress (200 users) is called capacity: lighter light (20 users) passed.
    #expect(outcome.cause("stress")["cause"] as? String == "capacity")
    #expect(outcome.cause("invalid")["cause"] as? String == "infrastructure")
    #expect(outcome.cause("light").isEmpty)
  }

  @Test func corpusRunsWithPidstatAndSadf() throws {
    let outcome = try analyze([
      "samples/runs/light", "samples/runs/stepped", "samples/runs/stress",
      "Tests/Fixtures/resources/light/pidstat.txt",
      "Tests/Fixtures/resources/light/sar_u_r.xml",
      "Tests/Fixtures/resources/stepped/pidstat.txt",
      "Tests/Fixtures/resources/stepped/sar_u_r.xml",
      "Tests/Fixtures/resources/stress/pidstat.txt",
      "Tests/Fixtures/resources/stress/sar_u_r.xml",
    ])
    _ = try expectOneAnswer(outcome)
    // The measured view is there, and the table carries both views in one row per profile.
    for row in outcome.profiles {
      #expect(row["measured_cpu_pct"] is Double && row["cpu_requests_pct"] is Double)
      #expect((row["verdict_basis"] as? [String]) == ["requests", "measured usage"])
    }
    // stress: capacity, host CPU 96.0 % over the load window (truth.py on the corpus sar_u_r.csv).
    let stress = outcome.cause("stress")
    #expect(stress["cause"] as? String == "capacity")
    let share = try #require(stress["utilisation"] as? Double)
    #expect(abs(share - 0.960) < 0.03, "\(share)")
    #expect((stress["utilisation_source"] as? String)?.hasPrefix("host CPU") == true)
    #expect(outcome.answer.contains("N*") == false)
  }

  @Test func forecastCheckKeepsTheFitOutOfTheAnswer() throws {
    let outcome = try analyze([
      "samples/runs/stepped", "Tests/Fixtures/resources/stepped/pidstat.txt",
    ])
    let saturation = try #require((outcome.document["saturation"] as? [[String: Any]])?.first)
    let forecast = try #require(saturation["forecast"] as? [String: Any])
    #expect(forecast["trusted"] as? Bool == false)
    #expect(forecast["limit_pct"] as? Double == 15)
    #expect((forecast["mean_abs_error_pct"] as? Double ?? 0) > 15)
    let resources = try #require(outcome.document["resources"] as? [String: Any])
    let recommendation = try #require(resources["recommendation"] as? [String: Any])
    #expect(
      (recommendation["throughput_basis"] as? String)?.hasSuffix(
        "between measured steps: the USL fit failed its forecast check)") == true)
    let evidence = (outcome.document["evidence"] as? [String] ?? []).joined(separator: " ")
    #expect(evidence.contains("not trusted beyond the measured range"))
  }
}

/// The real flaky runs (Fixtures/cause): one endpoint's own failures never read as "buy more".
@Suite(.serialized) struct FlakyRunEndToEndTests {
  let base = OneAnswerEndToEndTests()

  func truth(_ name: String) throws -> [String: Any] {
    let url = BinaryRunner.repository.appendingPathComponent(
      "Tests/Fixtures/cause/\(name)/truth.json")
    return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
  }

  @Test func aFlakyEndpointIsFunctionalNotCapacity() throws {
    let outcome = try base.analyze(["Tests/Fixtures/cause/flaky"])
    _ = try base.expectOneAnswer(outcome)
    let cause = outcome.cause("one-answer-flaky")
    #expect(cause["cause"] as? String == "functional")
    #expect(cause["endpoints"] as? [String] == ["POST /api/cart/"])
    #expect(cause["error_types"] as? [String] == ["HTTP 5xx"])
    // truth.py: the app's gunicorn processes used 10.5 % of the 2 CPUs (host 100 %: other builds).
    let truth = try truth("flaky")
    let app = try #require(truth["app_cpu_mean_pct"] as? Double) / 100
    #expect(abs((cause["utilisation"] as? Double ?? -1) - app) < 0.02, "\(cause)")
    // Per-endpoint failure shares from the server's access log: cart 21.8 %, the rest 0.
    let endpoints = try #require(truth["endpoints"] as? [String: [String: Any]])
    let measured = try #require(outcome.run("one-answer-flaky")["endpoints"] as? [[String: Any]])
    let cart = try #require(measured.first { $0["name"] as? String == "/api/cart/" })
    let cartTruth = try #require(endpoints["POST /api/cart/"]?["failure_share"] as? Double)
    #expect(abs((cart["error_rate"] as? Double ?? 0) - cartTruth) < 0.01)
    for endpoint in measured where endpoint["name"] as? String != "/api/cart/" {
      #expect(endpoint["failures"] as? Int == 0)
    }
    #expect(
      endpoints.filter { $0.key != "POST /api/cart/" }.allSatisfy {
        $0.value["failure_share"] as? Double == 0
      })
    // The answer names the endpoint and never asks for a larger profile.
    #expect(
      outcome.answer.contains("POST /api/cart/ (HTTP 5xx) in one-answer-flaky is functional, not capacity"))
    #expect(outcome.answer.contains("a larger profile will not fix it"))
    #expect(!outcome.answer.contains("None carries") && !outcome.answer.contains("add a larger profile"))
    #expect(outcome.stdout.contains("SLO missed: functional"))
  }

  @Test func spreadTimeoutsAreInfrastructureAndTheFlakyEndpointIsStillNamed() throws {
    let outcome = try base.analyze(["Tests/Fixtures/cause/flaky-timeouts"])
    _ = try base.expectOneAnswer(outcome)
    let cause = outcome.cause("one-answer-flaky")
    #expect(cause["cause"] as? String == "infrastructure")
    #expect(cause["endpoints"] as? [String] == ["POST /api/cart/"])
    #expect(outcome.answer.contains("a functional fault that a larger profile will not fix"))
    #expect(!outcome.answer.contains("add a larger profile"))
  }
}
