import CapacityModel
import Foundation
import Testing

@testable import CapacityReport

/// The chart engine's markup: escaped text, a hover title per tick, legends above the plots,
/// thresholds drawn in range and named when off the axis, exact histogram bins.
@Suite struct ChartRenderingTests {
  let start = 1_795_918_524.0  // 2026-11-29T02:15:24Z

  private func series(_ label: String, _ values: [Double?]) -> ChartSeries {
    ChartSeries(
      label: label, className: "rps",
      points: values.enumerated().map { (start + Double($0.offset), $0.element) },
      format: { NumberFormat.decimal($0, places: 2) })
  }

  private func matches(_ pattern: String, in text: String) throws -> [[String]] {
    let regex = try NSRegularExpression(pattern: pattern)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
      (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
    }
  }

  @Test func textIsEscapedAndEveryTickHasAHoverTitle() throws {
    let panel = ChartPanel(axisTitle: "req/s", series: [series("<b>&\"x", [3, 4, .nan, 5])])
    let svg = try #require(TimeSeriesChart().svg(panels: [panel], label: "a <script> & b"))
    #expect(!svg.contains("<b>") && !svg.contains("<script>"))
    #expect(svg.contains("&lt;b&gt;&amp;&quot;x"))
    let titles = try matches("class=\"hover\" fill=\"transparent\"><title>([^<]*)</title>", in: svg).map {
      $0[0]
    }
    #expect(
      titles == [
        "02:15:24 UTC: &lt;b&gt;&amp;&quot;x 3.00", "02:15:25 UTC: &lt;b&gt;&amp;&quot;x 4.00",
        "02:15:26 UTC: no data", "02:15:27 UTC: &lt;b&gt;&amp;&quot;x 5.00",
      ])
  }

  @Test func theLegendIsAboveThePlot() throws {
    let panel = ChartPanel(
      axisTitle: "ms", series: (0..<9).map { series("endpoint number \($0)", [1, 2, 3]) })
    let svg = try #require(TimeSeriesChart().svg(panels: [panel], label: "l"))
    let plotTop = try #require(
      try matches("<rect x=\"[0-9.]+\" y=\"([0-9.]+)\"[^>]*class=\"plot\"", in: svg).first)
    let legendYs = try matches("<text x=\"[0-9.]+\" y=\"([0-9.]+)\" class=\"legend\"", in: svg).compactMap {
      Double($0[0])
    }
    #expect(legendYs.count == 9)
    #expect(legendYs.allSatisfy { $0 < Double(plotTop[0])! })
  }

  @Test func thresholdsAreDrawnInRangeAndNamedOffTheAxis() throws {
    let lines = [ResourceChart.Line(label: "app", points: [(0, 120), (10, 310), (20, 250)])]
    let svg = try #require(
      ResourceChart().svg(
        title: "cpu", start: start, unit: "CPU m", lines: lines, limits: [("small", 350), ("large", 3800)],
        format: { NumberFormat.decimal($0, places: 0) + "m" }))
    // The data's axis is 0…350 (step 50): the small profile's line is on it, the large one is not.
    #expect(svg.contains("class=\"limit\"><title>small allocatable 350m</title>"))
    #expect(!svg.contains("<title>large allocatable"))
    #expect(svg.contains("Off the CPU m axis (above 350): large allocatable 3800m"))
  }

  @Test func theObjectiveStretchesTheAxisWhenClose() throws {
    let near = ChartPanel(
      axisTitle: "ms", series: [series("p95", [200, 300])],
      thresholds: [ChartThreshold(label: "objective", value: 500, className: "slo", stretchesAxis: true)])
    #expect(near.scale.upper == 500)
    let far = ChartPanel(
      axisTitle: "ms", series: [series("p95", [20, 30])],
      thresholds: [ChartThreshold(label: "objective", value: 500, className: "slo", stretchesAxis: true)])
    #expect(far.scale.upper == 30)
  }

  @Test func longRunsGroupTicksIntoAtMostTheStripLimit() throws {
    let values = (0..<1000).map { Double($0 % 7) }
    let svg = try #require(
      TimeSeriesChart().svg(panels: [ChartPanel(axisTitle: "x", series: [series("v", values)])], label: "l"))
    let titles = try matches("class=\"hover\" fill=\"transparent\"><title>([^<]*)</title>", in: svg).map {
      $0[0]
    }
    #expect(titles.count == 200)  // groups of ⌈1000 / 240⌉ = 5 ticks
    #expect(titles.first == "02:15:24–02:15:28 UTC: v 0.00–4.00")
  }

  @Test func oneInstantDrawsNothingAndOutputIsByteStable() {
    #expect(
      TimeSeriesChart().svg(panels: [ChartPanel(axisTitle: "x", series: [series("v", [1])])], label: "l")
        == nil)
    let panel = ChartPanel(axisTitle: "x", series: [series("v", [1, 2, 3])])
    #expect(
      TimeSeriesChart().svg(panels: [panel], label: "l") == TimeSeriesChart().svg(panels: [panel], label: "l")
    )
  }

  @Test func histogramBinsAreExactOnWholeMilliseconds() {
    // Ceilings 1, 2, 12, 15, 16 and 70 ms: bins (0,1], (1,2], (10,15], (15,20], then up to (50,70].
    let counts = LatencyCounts(
      method: "", name: "", isTotal: true, ceilingsMs: [1, 2, 12, 15, 16, 70], counts: [4, 1, 2, 3, 5, 1])
    let bins = DistributionChart.bins(counts)
    #expect(bins.map(\.upper) == [1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70])
    #expect(bins.map(\.requests) == [4, 1, 0, 0, 0, 0, 5, 5, 0, 0, 1])
    #expect(DistributionChart.edges.prefix(12) == [1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100])
  }
}
