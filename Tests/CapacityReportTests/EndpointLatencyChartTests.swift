import CapacityModel
import Foundation
import Testing

@testable import CapacityReport

/// The per-endpoint p95 chart: the six busiest endpoints drawn, the rest counted and folded into
/// the p95 of all requests, which is drawn only when some endpoint is left out.
@Suite struct EndpointLatencyChartTests {
  let start: Int64 = 1_795_918_500  // 2026-11-29T02:15:00Z

  /// Endpoint `e<i>` has `10 × (i + 1)` requests in each of three 5 s windows, p95 `i` ms + 100.
  private func series(endpoints: Int) -> [RequestWindowSeries] {
    let endpointSeries = (0..<endpoints).map { index -> RequestWindowSeries in
      let window = RequestWindow(requests: Int64(10 * (index + 1)), p50Ms: 1, p95Ms: Double(100 + index))
      return RequestWindowSeries(
        method: "GET", name: "/e\(index)", isTotal: false, seconds: 5, start: start,
        windows: [window, window, window])
    }
    let total = RequestWindowSeries(
      method: "", name: "", isTotal: true, seconds: 5, start: start,
      windows: [250, 260, 270].map { RequestWindow(requests: 360, p50Ms: 1, p95Ms: $0) })
    return endpointSeries + [total]
  }

  private func svg(endpoints: Int) throws -> String {
    let windows = series(endpoints: endpoints)
    return try #require(
      EndpointLatencyChart().svg(
        EndpointLatencyChart.lines(windows),
        allRequests: EndpointLatencyChart.allRequests(windows, timeline: [], kind: .perSecond),
        sloP95Ms: nil, bands: [], name: "run"))
  }

  @Test func theRestIsFoldedIntoAllRequests() throws {
    let svg = try svg(endpoints: 8)
    // The busiest six (e7 … e2) and the p95 of all requests; e1 and e0 are counted only.
    for name in (2...7).map({ "GET /e\($0)" }) + ["all requests"] {
      #expect(svg.contains(">\(name)</text>"), "no legend for \(name)")
    }
    #expect(!svg.contains(">GET /e1</text>") && !svg.contains(">GET /e0</text>"))
    #expect(svg.contains("2 other endpoints not drawn"))
    // One line in the plot and one swatch in the legend.
    #expect(svg.components(separatedBy: "class=\"line all-requests\"").count - 1 == 2)
    #expect(svg.contains("<path d=\"M") && svg.contains("\" class=\"line all-requests\"/>"))
    // The middle window (02:15:07.5) of all requests is the total series' 260 ms.
    #expect(svg.contains("all requests 260 ms</title>"))
  }

  @Test func allRequestsIsLeftOutWhenEveryEndpointIsDrawn() throws {
    let svg = try svg(endpoints: 6)
    #expect(!svg.contains("all-requests"))
    #expect(!svg.contains("not drawn"))
  }

  /// Locust: the `Aggregated` history's rolling-window p95; a cumulative history has none.
  @Test func locustUsesTheAggregatedRollingWindow() throws {
    let timeline = [10.0, 20.0].enumerated().map { index, p95 in
      TimelinePoint(
        timestamp: start + Int64(index), users: 1, requestsPerSecond: 1, failuresPerSecond: 0,
        percentiles: [PercentileValue(quantile: 0.95, valueMs: p95)], totalRequests: Int64(index + 1),
        totalFailures: 0)
    }
    let line = try #require(EndpointLatencyChart.allRequests([], timeline: timeline, kind: .currentWindow))
    #expect(line.points.map(\.value) == [10, 20])
    #expect(EndpointLatencyChart.allRequests([], timeline: timeline, kind: .cumulative) == nil)
  }
}
