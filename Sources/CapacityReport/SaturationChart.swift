import CapacityAnalysis
import CapacityModel

/// Inline SVG charts of a saturation series: throughput vs users with the USL curve, its 95 %
/// bootstrap band, N* and the knee; p95 vs users with the SLO line. Okabe–Ito colours
/// (colour-blind safe), markers differ in shape as well as colour, no script.
package struct SaturationChart {
  package let width = 720.0
  package let height = 240.0
  package let margin = (left: 56.0, right: 24.0, top: 24.0, bottom: 40.0)
  package static let blue = "#0072B2"
  package static let orange = "#E69F00"
  package static let vermillion = "#D55E00"
  package static let green = "#009E73"
  package static let sky = "#56B4E9"

  private struct Frame {
    var xTop: Double
    var yTop: Double
    var plotWidth: Double
    var plotHeight: Double
    var left: Double
    var top: Double
    func x(_ value: Double) -> Double { left + min(max(value / xTop, 0), 1) * plotWidth }
    func y(_ value: Double) -> Double { top + plotHeight - min(max(value / yTop, 0), 1) * plotHeight }
  }

  package func throughput(_ entry: ReportDocument.SaturationEntry) -> String? {
    guard entry.steps.count >= 2, let lastUsers = entry.steps.last?.users else { return nil }
    let usl = entry.usl
    let xTop = Self.nice(Double(lastUsers) * 1.1)
    let model = usl.map { USLModel(sigma: $0.sigma.value, kappa: $0.kappa.value, lambda: $0.lambda.value) }
    let curveTop =
      (0...60).compactMap { i in model?.throughput(at: max(1, xTop * Double(i) / 60)) }.max() ?? 0
    let bandTop = usl?.band.map(\.highRps).max() ?? 0
    let yTop = Self.nice(max(entry.steps.map(\.rps).max() ?? 0, curveTop, bandTop) * 1.05)
    let frame = self.frame(xTop: xTop, yTop: yTop)
    var body = ""
    if let usl, !usl.band.isEmpty {
      let upper = usl.band.map { "\(f(frame.x($0.users))),\(f(frame.y($0.highRps)))" }
      let lower = usl.band.reversed().map { "\(f(frame.x($0.users))),\(f(frame.y($0.lowRps)))" }
      body +=
        "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(Self.sky)\" fill-opacity=\"0.3\" stroke=\"none\"/>\n"
    }
    if let model {
      let path = (0...60).map { i -> String in
        let users = max(1, xTop * Double(i) / 60)
        return (i == 0 ? "M" : "L") + "\(f(frame.x(users))),\(f(frame.y(model.throughput(at: users))))"
      }.joined(separator: " ")
      body += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(Self.blue)\" stroke-width=\"2\"/>\n"
    }
    // A fit that failed its forecast check does not speak beyond the measured steps, so its N* is
    // not drawn (the text and the answer leave it out too).
    let trusted = entry.forecast?.trusted ?? true
    if trusted, let nStar = usl?.nStar, nStar <= xTop {
      body += vertical(
        frame, nStar, Self.vermillion, "N* \(NumberFormat.decimal(nStar, places: 0))", dashed: true)
    }
    if let knee = entry.kneeThroughputUsers {
      body += vertical(frame, Double(knee), Self.green, "knee \(knee)", dashed: false, offset: 28)
    }
    for step in entry.steps {
      body +=
        "<circle cx=\"\(f(frame.x(Double(step.users))))\" cy=\"\(f(frame.y(step.rps)))\" r=\"4\" "
        + "fill=\"\(step.steady ? Self.orange : "#ffffff")\" stroke=\"\(Self.orange)\" stroke-width=\"2\"/>\n"
    }
    let fitLegend =
      " · USL fit · 95 % bootstrap band" + (trusted ? "" : " (forecast check failed: no N*)")
    let legend = "measured req/s (hollow: step too short)" + (usl == nil ? "" : fitLegend)
    return svg(
      frame, label: "Throughput against users for \(entry.source)", yLabel: "req/s", body: body,
      legend: legend)
  }

  package func latency(_ entry: ReportDocument.SaturationEntry, sloP95Ms: Double) -> String? {
    let points = entry.steps.compactMap { step in step.p95Ms.map { (Double(step.users), $0) } }
    guard points.count >= 2, let lastUsers = entry.steps.last?.users else { return nil }
    let frame = self.frame(
      xTop: Self.nice(Double(lastUsers) * 1.1),
      yTop: Self.nice(max(points.map(\.1).max() ?? 0, sloP95Ms) * 1.05))
    var body =
      "<line x1=\"\(f(frame.left))\" x2=\"\(f(frame.left + frame.plotWidth))\" y1=\"\(f(frame.y(sloP95Ms)))\" "
      + "y2=\"\(f(frame.y(sloP95Ms)))\" stroke=\"\(Self.vermillion)\" stroke-dasharray=\"6 4\"/>\n"
      + "<text x=\"\(f(frame.left + frame.plotWidth - 4))\" y=\"\(f(frame.y(sloP95Ms) - 4))\" text-anchor=\"end\" "
      + "font-size=\"11\" fill=\"\(Self.vermillion)\">SLO p95 \(NumberFormat.milliseconds(sloP95Ms))</text>\n"
    let path = points.enumerated().map { index, point in
      (index == 0 ? "M" : "L") + "\(f(frame.x(point.0))),\(f(frame.y(point.1)))"
    }.joined(separator: " ")
    body += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(Self.blue)\" stroke-width=\"2\"/>\n"
    for point in points {
      let (x, y) = (frame.x(point.0), frame.y(point.1))
      body +=
        "<rect x=\"\(f(x - 4))\" y=\"\(f(y - 4))\" width=\"8\" height=\"8\" fill=\"\(Self.blue)\"/>\n"
    }
    if let knee = entry.kneeP95Users {
      body += vertical(frame, Double(knee), Self.green, "knee \(knee)", dashed: false)
    }
    return svg(
      frame, label: "p95 latency against users for \(entry.source)", yLabel: "p95 ms", body: body,
      legend: "p95 per step (ms) · dashed: SLO")
  }

  private func frame(xTop: Double, yTop: Double) -> Frame {
    Frame(
      xTop: xTop, yTop: yTop, plotWidth: width - margin.left - margin.right,
      plotHeight: height - margin.top - margin.bottom, left: margin.left, top: margin.top)
  }

  private func vertical(
    _ frame: Frame, _ users: Double, _ colour: String, _ label: String, dashed: Bool, offset: Double = 14
  ) -> String {
    let x = f(frame.x(users))
    return "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(f(frame.top))\" y2=\"\(f(frame.top + frame.plotHeight))\" "
      + "stroke=\"\(colour)\" stroke-width=\"1.5\"\(dashed ? " stroke-dasharray=\"4 3\"" : "")/>\n"
      + "<text x=\"\(f(frame.x(users) + 4))\" y=\"\(f(frame.top + offset))\" font-size=\"11\" "
      + "fill=\"\(colour)\">\(HTMLEscaping.escape(label))</text>\n"
  }

  private func svg(_ frame: Frame, label: String, yLabel: String, body: String, legend: String) -> String {
    let bottom = frame.top + frame.plotHeight
    return """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(f(width)) \(f(height))" role="img" \
      aria-label="\(HTMLEscaping.escape(label))" class="chart">
      <rect x="\(f(frame.left))" y="\(f(frame.top))" width="\(f(frame.plotWidth))" height="\(f(frame.plotHeight))" fill="#fbfcfd" stroke="#d0d7de"/>
      \(body)<text x="\(f(frame.left - 6))" y="\(f(frame.top + 4))" font-size="11" text-anchor="end" fill="#57606a">\(axis(frame.yTop))</text>
      <text x="\(f(frame.left - 6))" y="\(f(bottom))" font-size="11" text-anchor="end" fill="#57606a">0</text>
      <text x="\(f(frame.left + frame.plotWidth))" y="\(f(bottom + 14))" font-size="11" text-anchor="end" fill="#57606a">\(axis(frame.xTop))</text>
      <text x="\(f(frame.left + frame.plotWidth / 2))" y="\(f(height - 8))" font-size="11" text-anchor="middle" fill="#57606a">users (N)</text>
      <text x="12" y="\(f(frame.top + frame.plotHeight / 2))" font-size="11" text-anchor="middle" fill="#57606a" transform="rotate(-90 12 \(f(frame.top + frame.plotHeight / 2)))">\(HTMLEscaping.escape(yLabel))</text>
      <text x="\(f(frame.left))" y="14" font-size="11" fill="#57606a">\(HTMLEscaping.escape(legend))</text>
      </svg>
      """
  }

  private func f(_ value: Double) -> String { NumberFormat.decimal(value, places: 1) }

  private func axis(_ value: Double) -> String { NumberFormat.decimal(value, places: value < 10 ? 1 : 0) }

  package static func nice(_ value: Double) -> Double {
    guard value > 0 else { return 1 }
    var magnitude = 1.0
    while magnitude * 10 <= value { magnitude *= 10 }
    while magnitude > value { magnitude /= 10 }
    for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * magnitude >= value { return factor * magnitude }
    return 10 * magnitude
  }
}
