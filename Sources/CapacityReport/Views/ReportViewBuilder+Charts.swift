import CapacityModel

extension ReportViewBuilder {
  /// A run's main chart (throughput, failures and users) and its other charts, in reading order,
  /// drawn across the cores (each is a few ms of SVG for an hour's run).
  func runCharts(
    _ entry: ReportDocument.RunEntry, detail: ReportDocument.RunDetail?, document: ReportDocument
  ) -> (main: String?, figures: [ReportView.ChartFigure]) {
    guard let detail else { return (nil, []) }
    let bands = Self.faultBands(document.chaos.filter { $0.runId == entry.id })
    let anchor = "run-" + String(entry.id.prefix(12))
    let drawings = figureDrawings(entry, detail, bands: bands, sloP95Ms: document.slo.p95Ms)
    // The figures, then the main chart last.
    let svgs = Concurrently.map(drawings.count + 1) { index in
      index < drawings.count
        ? drawings[index].draw() : ThroughputChart().svg(detail.timeline, bands: bands, name: entry.name)
    }
    let figures = zip(drawings, svgs).compactMap { drawing, svg in
      svg.map { ReportView.ChartFigure(id: anchor + "-" + drawing.suffix, title: drawing.title, svg: $0) }
    }
    return (svgs[drawings.count], figures)
  }

  /// A chart to draw: its anchor suffix, its title and how to draw it (`nil`: nothing to draw).
  private struct ChartDrawing: Sendable {
    var suffix: String
    var title: String
    var draw: @Sendable () -> String?
  }

  private func figureDrawings(
    _ entry: ReportDocument.RunEntry, _ detail: ReportDocument.RunDetail, bands: [ChartBand],
    sloP95Ms slo: Double?
  ) -> [ChartDrawing] {
    var drawings: [ChartDrawing] = []
    if let basis = LatencyChart.basis(detail.historyKind) {
      drawings.append(
        ChartDrawing(suffix: "latency", title: "Response time p50 / p95 / p99 over time (\(basis))") {
          LatencyChart().svg(
            detail.timeline, kind: detail.historyKind, sloP95Ms: slo, bands: bands, name: entry.name)
        })
    }
    let lines =
      detail.endpointTimelines.isEmpty
      ? EndpointLatencyChart.lines(detail.requestWindows)
      : EndpointLatencyChart.lines(detail.endpointTimelines)
    let rest = max(0, lines.count - EndpointLatencyChart.maximumLines)
    let allRequests = EndpointLatencyChart.allRequests(
      detail.requestWindows, timeline: detail.timeline, kind: detail.historyKind)
    let restNote =
      " (\(rest) more not drawn: percentiles of different endpoints cannot be merged"
      + (allRequests == nil ? ")" : "; they are folded into the dotted p95 of all requests)")
    drawings.append(
      ChartDrawing(
        suffix: "endpoints",
        title:
          "p95 over time per endpoint, the \(min(lines.count, EndpointLatencyChart.maximumLines)) busiest"
          + (rest > 0 ? restNote : "")
      ) {
        EndpointLatencyChart().svg(
          lines, allRequests: allRequests, sloP95Ms: slo, bands: bands, name: entry.name)
      })
    if let counts = detail.latencyCounts.first(where: \.isTotal) {
      let latency = entry.latencyMs
      let marks = [("p50", latency.p50), ("p95", latency.p95), ("p99", latency.p99)].compactMap { mark in
        mark.1.map { (mark.0, $0) }
      }
      drawings.append(
        ChartDrawing(
          suffix: "distribution",
          title:
            "Response-time distribution (successful requests, log axis; p50 / p95 / p99 of all requests marked)"
        ) { DistributionChart().svg(counts, percentiles: marks, name: entry.name) })
    }
    if let codes = detail.statusCodes {
      drawings.append(
        ChartDrawing(
          suffix: "status-codes",
          title: "Status codes per second over time (\(codes.seconds) s windows, by request start)"
        ) { StatusCodeChart().svg(codes, bands: bands, name: entry.name) })
    }
    drawings.append(
      ChartDrawing(
        suffix: "timings",
        title:
          "p95 per window: response time (log buckets, within 1.6 %), time to first byte and connect time (exact)"
      ) {
        TimingChart().svg(
          detail.timings, elapsed: detail.requestWindows.first(where: \.isTotal), bands: bands,
          name: entry.name)
      })
    return drawings
  }

  /// Each fault from its event to the action that ended it, else over its analysis window.
  static func faultBands(_ faults: [ReportDocument.ChaosEntry]) -> [ChartBand] {
    faults.compactMap { fault in
      guard let time = fault.timeEpochS else { return nil }
      let length = fault.endS ?? fault.windowS ?? 0
      let label =
        "\(fault.action) \(fault.target) at \(TimeScale.instant(time))"
        + (fault.endAction.map { ", \($0) after \(NumberFormat.decimal(length, places: 1)) s" } ?? "")
      return ChartBand(start: time, end: time + max(length, 1), label: label)
    }
  }
}
