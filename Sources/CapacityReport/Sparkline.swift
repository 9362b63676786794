import CapacityModel

/// A word-sized inline SVG line of a series (the trend of one figure across stored runs).
package struct Sparkline {
  package let width = 160.0
  package let height = 32.0

  /// Missing values leave a gap; the last point is marked.
  package func svg(_ values: [Double?], label: String) -> String {
    let known = values.compactMap { $0 }
    let low = known.min() ?? 0
    let high = known.max() ?? 1
    let span = high > low ? high - low : 1
    func x(_ index: Int) -> Double {
      values.count > 1 ? 4 + Double(index) / Double(values.count - 1) * (width - 8) : width / 2
    }
    func y(_ value: Double) -> Double { 4 + (1 - (value - low) / span) * (height - 8) }
    var path = ""
    var pen = "M"
    for (index, value) in values.enumerated() {
      guard let value else {
        pen = "M"
        continue
      }
      path += "\(pen)\(ChartScale.format(x(index))),\(ChartScale.format(y(value))) "
      pen = "L"
    }
    var marker = ""
    if let lastIndex = values.lastIndex(where: { $0 != nil }), let last = values[lastIndex] {
      marker =
        "<circle cx=\"\(ChartScale.format(x(lastIndex)))\" cy=\"\(ChartScale.format(y(last)))\" r=\"2.5\" class=\"spark-last\"/>"
    }
    return
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(ChartScale.format(width)) \(ChartScale.format(height))\" "
      + "width=\"\(ChartScale.format(width))\" height=\"\(ChartScale.format(height))\" role=\"img\" "
      + "aria-label=\"\(HTMLEscaping.escape(label))\" class=\"sparkline\"><path d=\"\(path)\" class=\"spark\"/>\(marker)</svg>"
  }
}
