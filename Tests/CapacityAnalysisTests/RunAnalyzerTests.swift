import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityModel
@testable import CapacityTestSupport

@Suite struct RunAnalyzerTests {
  let analyzer = RunAnalyzer()

  @Test func lightRunIsValidWithLocustsOwnFigures() throws {
    let analysis = analyzer.analyze(try Corpus.run("light"))
    #expect(analysis.validity.verdict == .valid)
    #expect(analysis.requests == 771)
    #expect(analysis.failures == 0)
    #expect(analysis.usersMax == 20)
    #expect(analysis.latency.p95 == 190)
    #expect(analysis.latency.method == .locustBuckets)
    // Locust's Requests/s is count ÷ elapsed: 771 / 13.0439… = 59.1 s.
    #expect(abs((analysis.durationSeconds ?? 0) - 59.107) < 0.01)
  }

  @Test func corpusInvalidRunIsInvalidForInfrastructure() throws {
    let analysis = analyzer.analyze(try Corpus.run("invalid"))
    #expect(analysis.validity.verdict == .invalid)
    #expect(analysis.validity.reasons.first?.hasPrefix("infrastructure:") == true)
    #expect(analysis.errors.map(\.category) == [.connectionRefused])
    #expect(analysis.errors.first?.count == 395)
  }

  @Test func seedBrokenRunIsInvalidForInfrastructure() throws {
    let analysis = analyzer.analyze(try Corpus.run("seed-broken"))
    #expect(analysis.requests == 182)
    #expect(analysis.failures == 182)
    #expect(analysis.latency.mean == 10860)
    #expect(abs(analysis.requestsPerSecond - 1.02) < 1e-9)
    let counts = Dictionary(uniqueKeysWithValues: analysis.errors.map { ($0.category, $0.count) })
    #expect(counts == [.noResponse: 168, .connectionRefused: 10, .timeout: 4])
    #expect(analysis.validity.verdict == .invalid)
    #expect(
      analysis.validity.reasons == [
        "infrastructure: 100.0 % of requests failed and 100.0 % of the failures are connection-level "
          + "(no_response ×168, connection_refused ×10, timeout ×4); the test measured the environment, "
          + "not the application"
      ])
  }

  @Test func applicationErrorsAboveTheObjectiveDegradeARun() {
    var run = Run(id: "x", name: "flaky", tool: .locust, sourceFiles: [])
    run.total = EndpointStats(
      method: "", name: "Aggregated", requests: 1000, failures: 50, requestsPerSecond: 10)
    run.errors = [
      ErrorRecord(
        method: "POST", name: "/api/cart/", message: "HTTPError('500 Server Error: x')", occurrences: 50)
    ]
    let analysis = analyzer.analyze(run)
    #expect(analysis.validity.verdict == .degraded)
    #expect(analysis.validity.reasons == ["error rate 5.0 % exceeds the 1.0 % objective"])
  }

  @Test func mostlyApplicationFailuresAreNotInfrastructure() {
    var run = Run(id: "x", name: "broken-app", tool: .locust, sourceFiles: [])
    run.total = EndpointStats(
      method: "", name: "Aggregated", requests: 1000, failures: 600, requestsPerSecond: 10)
    run.errors = [
      ErrorRecord(method: "GET", name: "/", message: "HTTPError('500 Server Error: x')", occurrences: 600)
    ]
    let analysis = analyzer.analyze(run)
    // 60 % failed, all with HTTP answers: the application is measured (badly), so DEGRADED.
    #expect(analysis.validity.verdict == .degraded)
  }

  @Test func tooLittleDataIsInvalid() {
    var run = Run(id: "x", name: "blip", tool: .locust, sourceFiles: [])
    run.total = EndpointStats(method: "", name: "Aggregated", requests: 20, failures: 0, requestsPerSecond: 4)
    let analysis = analyzer.analyze(run)
    #expect(analysis.validity.verdict == .invalid)
    #expect(analysis.validity.reasons.first?.hasPrefix("too little data: 20 requests over 5.0 s") == true)
  }

  @Test func steppedRunYieldsOneStepPerLoadLevel() throws {
    let analysis = analyzer.analyze(try Corpus.run("stepped"))
    #expect(analysis.steps.map(\.users) == [10, 20, 40, 60, 80, 100, 150, 200])
    // 20 s steps are shorter than the 30 s a steady step needs.
    #expect(analysis.steps.allSatisfy { !$0.isSteady })
    // Throughput grows with users until the plateau near 70 req/s (corpus README: 68.2 at 150).
    let rps = analysis.steps.map(\.requestsPerSecond)
    #expect(rps[0] < rps[3] && rps[3] < rps[6])
    #expect(abs(rps[6] - 68.2) < 3)
  }

  /// Little's law for a closed system, N = X·(R + Z): the corpus locustfile waits
  /// `between(0.5, 2.5)` s after each request, a mean think time Z of 1.5 s. Each step's users must
  /// come back from its measured throughput and mean response time.
  @Test func steppedStepsObeyLittlesLaw() throws {
    let analysis = analyzer.analyze(try Corpus.run("stepped"))
    for step in analysis.steps {
      let mean = try #require(step.meanMs, "step at \(step.users) users has no mean")
      let users = step.requestsPerSecond * (mean / 1000 + 1.5)
      #expect(abs(users - Double(step.users)) / Double(step.users) < 0.1, "\(step.users) users → \(users)")
    }
  }
}
