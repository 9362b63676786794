import CapacityModel
import Foundation

/// The parts of the view that shape the page rather than a section: the summary's one chart, the
/// skipped-files count, the footer, and the Markdown's Mermaid charts.
extension ReportViewBuilder {
  /// Skipped files the Markdown report lists by name.
  static let maximumSkippedListed = 50

  func withLayout(_ view: ReportView, _ document: ReportDocument) -> ReportView {
    var view = view
    let details = document.runDetails
    for index in view.runs.indices {
      let run = view.runs[index]
      view.runs[index].fileCount = Quantities.count(run.files.count, "file")
      if let detail = details[run.id] {
        view.runs[index].mermaid = MermaidChart().timeline(
          detail.timeline, kind: detail.historyKind, name: run.name)
      }
    }
    for (index, entry) in (document.saturation ?? []).enumerated() where index < view.saturation.count {
      view.saturation[index].mermaid = MermaidChart().saturation(entry)
    }
    (view.summaryChartSVG, view.summaryChartCaption) = summaryChart(view, document)
    view.hasSummaryChart = !view.summaryChartSVG.isEmpty
    view.skippedCount = Quantities.count(document.skippedFiles.count, "file")
    view.skippedListed = Array(document.skippedFiles.prefix(Self.maximumSkippedListed))
    let unlisted = document.skippedFiles.count - view.skippedListed.count
    view.skippedNotListed =
      unlisted > 0 ? ["… and \(unlisted) more (report.json `skipped_files` lists all)"] : []
    view.summaryMermaid = Array(view.saturation.first?.mermaid.prefix(1) ?? [])
    view.version = CapacityVersion.current
    view.newestRunEnd = Self.newestRunEnd(document.runs) ?? ""
    view.hasNewestRunEnd = !view.newestRunEnd.isEmpty
    return view
  }

  /// The saturation curve of the first series, else the chart of the busiest run left in the answer.
  private func summaryChart(_ view: ReportView, _ document: ReportDocument) -> (String, String) {
    if let series = view.saturation.first(where: { !$0.throughputSVG.isEmpty }) {
      return (series.throughputSVG, "Throughput by users, \(series.source) (details under Saturation)")
    }
    let busiest = zip(document.runs, view.runs).filter { !$0.0.excludedFromAnswer && $0.1.hasChart }
      .max { ($0.0.rps, $1.0.name) < ($1.0.rps, $0.0.name) }
    return busiest.map { ($0.1.chartSVG, "\($0.1.name), the busiest valid run, over time") } ?? ("", "")
  }

  /// The latest `started_at + duration_s` of the runs, to the second, UTC.
  static func newestRunEnd(_ runs: [ReportDocument.RunEntry]) -> String? {
    let ends = runs.compactMap { run -> Date? in
      guard let start = run.startedAt.flatMap(UTCTimestamp.parse) else { return nil }
      return start.addingTimeInterval((run.durationS ?? 0).rounded(.up))
    }
    return ends.max().map(UTCTimestamp.format)
  }
}
