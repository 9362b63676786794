/// The legend of a chart: swatches and labels in rows above the plots, wrapped to the plot's
/// width, so it never covers data.
package struct ChartLegend {
  package struct Item {
    package var label: String
    package var className: String
    package var isArea: Bool
  }

  /// Row height, and the width a label's character is taken to need at 11 px.
  static let rowHeight = 16.0
  static let characterWidth = 5.9
  static let swatchWidth = 18.0

  package let width: Double
  package let items: [Item]
  /// Each item's offset from the legend's top-left corner.
  private let offsets: [(x: Double, y: Double)]

  package init(width: Double, items: [Item]) {
    self.width = width
    self.items = items
    var offsets: [(x: Double, y: Double)] = []
    var x = 0.0
    var y = 0.0
    for item in items {
      let itemWidth = Self.itemWidth(item)
      if x > 0, x + itemWidth > width {
        x = 0
        y += Self.rowHeight
      }
      offsets.append((x, y))
      x += itemWidth
    }
    self.offsets = offsets
  }

  private static func itemWidth(_ item: Item) -> Double {
    swatchWidth + 6 + Double(item.label.count) * characterWidth + 14
  }

  /// Height taken above the plots (nothing without items).
  package var height: Double {
    guard let last = offsets.last else { return 0 }
    return last.y + Self.rowHeight + 4
  }

  package func draw(into svg: inout SVGBuilder, x: Double, y: Double) {
    for (item, offset) in zip(items, offsets) {
      let left = x + offset.x
      let middle = y + offset.y + Self.rowHeight / 2
      if item.isArea {
        svg.rect(
          x: left, y: middle - 5, width: Self.swatchWidth, height: 10, className: item.className + " area")
      } else {
        svg.line(
          x1: left, y1: middle, x2: left + Self.swatchWidth, y2: middle, className: "line " + item.className)
      }
      svg.text(item.label, x: left + Self.swatchWidth + 6, y: middle + 4, className: "legend")
    }
  }
}
