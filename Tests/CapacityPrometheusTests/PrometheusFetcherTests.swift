import CapacityModel
import CapacityTestSupport
import Foundation
import Testing

@testable import CapacityPrometheus

/// The fetcher against a real (small) HTTP server: recorded answers of a real Prometheus, retries
/// with backoff, refusals, timeouts, size bounds and basic auth.
@Suite struct PrometheusFetcherTests {
  /// The recorded answers' window (Tests/Fixtures/prometheus/README.md).
  private let recorded = QueryWindow(start: 1_796_133_467, end: 1_796_133_527, stepSeconds: 1, rateSeconds: 4)
  private let window = QueryWindow(start: 1_700_000_000, end: 1_700_000_060, stepSeconds: 15, rateSeconds: 60)

  private func fetcher(
    _ base: String, queries: [PrometheusQuery] = PrometheusQuery.defaults,
    http: PrometheusHTTP = PrometheusHTTP(timeoutSeconds: 2, attempts: 3, initialBackoffSeconds: 0.05)
  ) throws -> PrometheusFetcher {
    PrometheusFetcher(endpoint: try PrometheusEndpoint(base), queries: queries, http: http)
  }

  /// Truth: `python3 -c "import json,statistics; v=[float(x[1]) for x in json.load(open(F))['data']['result'][0]['values']]; print(len(v), statistics.fmean(v))"`
  /// gives 61 points, mean 1.9960351835308694 cores (node-cpu.json) and 2181363476.9836063 bytes
  /// (node-memory.json). The four other defaults have no series there: warnings, not errors.
  @Test func recordedAnswersBecomeNodeSeries() throws {
    let server = try FakePrometheus()
    defer { server.stop() }
    let fetch = try fetcher(server.base("recorded")).fetch([recorded])
    #expect(fetch.files.count == 2)
    let cpu = try #require(fetch.files.first?.series.first)
    #expect(cpu.isNode && cpu.metric == .cpu && cpu.unit == .millicores)
    #expect(cpu.points.count == 61)
    // node-cpus.json: count(node_cpu_seconds_total{mode="idle"}) is 2 on this 2-core machine (nproc).
    #expect(cpu.hostCPUs == 2)
    let cpuMean = cpu.points.map(\.value).reduce(0, +) / Double(cpu.points.count)
    #expect(abs(cpuMean - 1996.0351835308694) < 1e-6)
    let memory = try #require(fetch.files.last?.series.first)
    #expect(memory.metric == .memory && memory.points.count == 61)
    let memoryMean = memory.points.map(\.value).reduce(0, +) / Double(memory.points.count)
    #expect(abs(memoryMean - 2_181_363_476.983_606_3) < 1e-3)
    #expect(fetch.warnings.count == 4)
    #expect(
      fetch.warnings.allSatisfy { $0.contains(server.base("recorded")) && $0.contains("default query") })
    let path = try #require(fetch.files.first?.source.path)
    #expect(
      path.hasPrefix(
        server.base("recorded") + " node-cpu 2026-12-01T13:57:47Z/2026-12-01T13:58:47Z step=1s: sum(rate("))
    #expect(fetch.files.first?.source.role == "prometheus-query-range")
  }

  /// The same answer to the same query hashes the same: a re-fetch is a no-op in the store.
  @Test func aRefetchHashesTheSame() throws {
    let server = try FakePrometheus()
    defer { server.stop() }
    let first = try fetcher(server.base("synth")).fetch([window])
    let second = try fetcher(server.base("synth")).fetch([window])
    #expect(first.files.map(\.source.sha256) == second.files.map(\.source.sha256))
    #expect(Set(first.files.map(\.source.sha256)).count == 3)
    let pods = first.files.flatMap(\.series).filter { !$0.isNode }.map(\.entity).sorted()
    #expect(pods == ["django-1", "postgresql-0"])
  }

  /// Two 503s, then an answer: three requests, and the data arrives.
  @Test func unavailableAnswersAreRetriedWithBackoff() throws {
    let server = try FakePrometheus()
    defer { server.stop() }
    let id = UUID().uuidString
    let node = [PrometheusQuery.defaults[0]]
    let fetch = try fetcher(server.base("flaky-2-\(id)"), queries: node).fetch([window])
    #expect(try server.count(id) == 3)
    #expect(fetch.files.first?.series.first?.points.count == 5)
    let other = UUID().uuidString
    let failing = try fetcher(server.base("flaky-5-\(other)"), queries: node)
    #expect(
      throws: PrometheusError.unreachable(
        url: failing.endpoint.queryRangeURL(node[0].rendered(for: window), window: window, masked: true),
        attempts: 3,
        reason: "HTTP 503: unavailable: too busy")
    ) {
      try failing.fetch([window])
    }
    #expect(try server.count(other) == 3)
  }

  @Test func aRefusedQueryNamesTheServerAndPrometheusSays() throws {
    let server = try FakePrometheus()
    defer { server.stop() }
    do {
      _ = try fetcher(server.base("bad")).fetch([window])
      Issue.record("expected an error")
    } catch {
      let message = error.localizedDescription
      #expect(message.contains(server.base("bad")))
      #expect(message.contains("HTTP 400: bad_data: 1:37: parse error: unclosed left parenthesis"))
    }
  }

  @Test func anUnreachableServerIsAClearError() throws {
    // A port nothing listens on: the fake server's, after it stopped.
    let server = try FakePrometheus()
    let base = server.base("synth")
    server.stop()
    let fetcher = try fetcher(base, queries: [PrometheusQuery.defaults[0]])
    do {
      _ = try fetcher.fetch([window])
      Issue.record("expected an error")
    } catch {
      #expect(error.localizedDescription.hasPrefix("Prometheus at \(base)/api/v1/query_range?query="))
      #expect(error.localizedDescription.contains("is unreachable (3 attempt(s))"))
    }
  }

  /// The server never answers: only the deadline (on NIO's event loop) ends each attempt, two of
  /// 0.5 s and a 0.05 s backoff.
  @Test func aSlowServerTimesOut() throws {
    let server = try FakePrometheus()
    defer { server.stop() }
    let http = PrometheusHTTP(timeoutSeconds: 0.5, attempts: 2, initialBackoffSeconds: 0.05)
    let slow = try fetcher(server.base("slow"), queries: [PrometheusQuery.defaults[0]], http: http)
    let started = Date()
    do {
      _ = try slow.fetch([window])
      Issue.record("expected an error")
    } catch {
      #expect(error.localizedDescription.contains("is unreachable (2 attempt(s)): no answer within 0.5 s"))
    }
    // About 1.05 s; the bound leaves room for a machine shared with three builds.
    #expect(Date().timeIntervalSince(started) < 10)
  }

  @Test func anOversizedAnswerIsRefused() throws {
    let server = try FakePrometheus()
    defer { server.stop() }
    let http = PrometheusHTTP(timeoutSeconds: 5, attempts: 1, maximumBytes: 1 << 20)
    let big = try fetcher(server.base("big"), queries: [PrometheusQuery.defaults[0]], http: http)
    let shown = big.endpoint.queryRangeURL(
      PrometheusQuery.defaults[0].rendered(for: window), window: window, masked: true)
    #expect(throws: PrometheusError.responseTooLarge(url: shown, limit: 1 << 20)) {
      _ = try big.fetch([window])
    }
  }

  @Test func credentialsInTheURLAreSentAndNeverShown() throws {
    let server = try FakePrometheus()
    defer { server.stop() }
    let base = server.base("auth").replacingOccurrences(of: "http://", with: "http://alice:s3cret@")
    let fetch = try fetcher(base).fetch([window])
    #expect(fetch.files.count == 3)
    #expect(
      fetch.files.allSatisfy { !$0.source.path.contains("s3cret") && $0.source.path.contains("alice:***@") })
    let wrong = server.base("auth").replacingOccurrences(of: "http://", with: "http://alice:nope@")
    do {
      _ = try fetcher(wrong).fetch([window])
      Issue.record("expected an error")
    } catch {
      #expect(!error.localizedDescription.contains("nope"))
      #expect(error.localizedDescription.contains("HTTP 401"))
    }
  }

  /// A query the user wrote with no data is an error; so is no data for any query at all.
  @Test func noSeriesIsAnErrorForTheUsersQueries() throws {
    let server = try FakePrometheus()
    defer { server.stop() }
    let mine = PrometheusQuery(
      name: "app-cpu", expression: "sum(rate(app_cpu_seconds_total[$__rate_interval]))")
    #expect(
      throws: PrometheusError.noSeries(url: server.base("synth"), queries: ["app-cpu"], windows: 1)
    ) {
      _ = try fetcher(server.base("synth"), queries: [PrometheusQuery.defaults[0], mine]).fetch([window]
      )
    }
    let none = PrometheusQuery.defaults.filter { $0.name.hasPrefix("process-") }
    #expect(
      throws: PrometheusError.noSeries(
        url: server.base("synth"), queries: ["process-cpu", "process-memory"], windows: 1)
    ) {
      _ = try fetcher(server.base("synth"), queries: none).fetch([window])
    }
    #expect(throws: PrometheusError.self) {
      _ = try fetcher(server.base("notprom"), queries: none).fetch([window])
    }
  }
}
