import CapacityModel

/// Stacked panels over one wall-clock time axis: gridlines at nice ticks, labelled value axes, a
/// legend above the plots (never over the data), thresholds as dashed lines, faults as shaded
/// bands, and a hover title on every tick listing the values then (no script needed).
package struct TimeSeriesChart {
  package var width = 720.0
  package let left = 64.0
  package let right = 16.0
  package let panelGap = 14.0
  /// Hover strips per panel; beyond it each strip covers several ticks and gives their range.
  package static let maximumStrips = 240
  /// Fault bands drawn; the rest are left out (the fault table lists them).
  package static let maximumBands = 50

  package init() {}

  private var plotWidth: Double { width - left - right }

  /// `nil` when no series has two points at different times.
  /// - Parameter span: the time axis' ends (Unix seconds) when they are not the data's.
  package func svg(
    panels: [ChartPanel], bands: [ChartBand] = [], markers: [ChartMarker] = [],
    span: ClosedRange<Double>? = nil, label: String
  ) -> String? {
    let times = panels.flatMap { $0.series.flatMap { $0.points.map(\.time) } }.filter(\.isFinite)
    guard Set(times).count >= 2 else { return nil }
    let time = TimeScale(span.map { [$0.lowerBound, $0.upperBound] } ?? times)
    let legend = ChartLegend(
      width: width - left - right, items: legendItems(panels, hasBands: !bands.isEmpty))
    var notes: [String] = []
    var top = 8 + legend.height
    var panelFrames: [(panel: ChartPanel, scale: NiceScale, top: Double)] = []
    for panel in panels {
      panelFrames.append((panel, panel.scale, top))
      top += panel.height + panelGap
    }
    let axisY = top - panelGap
    for frame in panelFrames { notes += offChart(frame.panel, frame.scale) }
    var svg = SVGBuilder(width: width, height: axisY + 36 + Double(notes.count) * 14)
    legend.draw(into: &svg, x: left, y: 8)
    for frame in panelFrames {
      drawPanel(frame.panel, scale: frame.scale, top: frame.top, time: time, bands: bands, into: &svg)
    }
    if let first = panelFrames.first {
      draw(markers, from: first.top, to: axisY, time: time, into: &svg)
    }
    for tick in time.ticks {
      svg.text(time.label(tick), x: x(tick, time), y: axisY + 14, className: "axis", anchor: .middle)
    }
    svg.text("time (UTC)", x: left + plotWidth, y: axisY + 28, className: "axis", anchor: .end)
    for (index, note) in notes.enumerated() {
      svg.text(note, x: left, y: axisY + 42 + Double(index) * 14, className: "axis")
    }
    return svg.svg(label: label)
  }

  private func x(_ t: Double, _ time: TimeScale) -> Double { left + time.fraction(t) * plotWidth }

  /// Vertical lines through every panel at the markers within the axis, each labelled inside the
  /// top panel one line below the previous one, so two close markers do not print over each other.
  private func draw(
    _ markers: [ChartMarker], from top: Double, to bottom: Double, time: TimeScale, into svg: inout SVGBuilder
  ) {
    for (index, marker) in markers.filter({ $0.time >= time.start && $0.time <= time.end }).enumerated() {
      let at = x(marker.time, time)
      svg.line(x1: at, y1: top, x2: at, y2: bottom, className: marker.className, title: marker.label)
      svg.text(marker.label, x: at + 3, y: top + 11 + Double(index) * 12, className: "axis")
    }
  }

  private func legendItems(_ panels: [ChartPanel], hasBands: Bool) -> [ChartLegend.Item] {
    var items: [ChartLegend.Item] = []
    for panel in panels {
      items += panel.series.map { .init(label: $0.label, className: $0.className, isArea: $0.isArea) }
      let scale = panel.scale
      items += panel.thresholds.filter { scale.contains($0.value) }.map {
        .init(label: $0.label, className: $0.className, isArea: false)
      }
    }
    if hasBands { items.append(.init(label: "fault", className: "fault-band", isArea: true)) }
    return items
  }

  /// Thresholds the panel's axis does not reach, as a sentence under the chart.
  private func offChart(_ panel: ChartPanel, _ scale: NiceScale) -> [String] {
    let off = panel.thresholds.filter { !scale.contains($0.value) }
    guard !off.isEmpty else { return [] }
    return [
      "Off the \(panel.axisTitle) axis (above \(scale.label(scale.upper))): "
        + off.map(\.label).joined(separator: ", ")
    ]
  }

  private func drawPanel(
    _ panel: ChartPanel, scale: NiceScale, top: Double, time: TimeScale, bands: [ChartBand],
    into svg: inout SVGBuilder
  ) {
    let height = panel.height
    func y(_ value: Double) -> Double { top + height - scale.fraction(value) * height }
    svg.rect(x: left, y: top, width: plotWidth, height: height, className: "plot")
    for band in bands.prefix(Self.maximumBands) where band.end >= time.start && band.start <= time.end {
      let from = x(max(band.start, time.start), time)
      let to = x(min(max(band.end, band.start + 1), time.end), time)
      svg.rect(
        x: from, y: top, width: max(to - from, 1), height: height, className: "fault-band",
        title: band.label)
    }
    // Labels at least 14 px apart, so a short panel labels every other tick.
    let spacing = height / Double(max(scale.ticks.count - 1, 1))
    let every = max(1, Int((14 / spacing).rounded(.up)))
    for (index, tick) in scale.ticks.enumerated() {
      svg.line(x1: left, y1: y(tick), x2: left + plotWidth, y2: y(tick), className: "grid")
      if index % every == 0 {
        svg.text(scale.label(tick), x: left - 6, y: y(tick) + 4, className: "axis", anchor: .end)
      }
    }
    for tick in time.ticks {
      svg.line(x1: x(tick, time), y1: top, x2: x(tick, time), y2: top + height, className: "grid")
    }
    svg.text(panel.axisTitle, x: 14, y: top + height / 2, className: "axis", anchor: .middle, rotated: true)
    for series in panel.series {
      let points = series.points.map { (x: x($0.time, time), y: $0.value.map(y)) }
      if series.isArea, let first = points.first, let last = points.last {
        let base = y(scale.lower)
        svg.path(
          [(first.x, base)] + points.map { ($0.x, $0.y ?? base) } + [(last.x, base)],
          className: series.className + " area")
      } else {
        svg.path(points, className: "line " + series.className)
      }
    }
    for threshold in panel.thresholds where scale.contains(threshold.value) {
      svg.line(
        x1: left, y1: y(threshold.value), x2: left + plotWidth, y2: y(threshold.value),
        className: threshold.className, title: threshold.label)
    }
    HoverStrips(series: panel.series, maximum: Self.maximumStrips).draw(
      into: &svg, top: top, height: height, x: { x($0, time) })
  }
}
