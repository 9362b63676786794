import CapacityModel

/// Accumulates the markup of one inline SVG chart. Every text and title goes through
/// `HTMLEscaping`, every coordinate through one POSIX format (one decimal), so charts are
/// byte-stable and safe to embed.
///
/// The markup is kept as bytes, the coordinates written straight into them: a report's charts
/// hold tens of thousands of points, and a String per number and per element cost more than the
/// rest of the chart.
package struct SVGBuilder {
  package let width: Double
  package let height: Double
  /// The elements so far, one per line.
  private var markup: [UInt8] = []
  private var elements = 0

  package init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  package static func number(_ value: Double) -> String { NumberFormat.decimal(value, places: 1) }

  package mutating func raw(_ markup: String) {
    startElement()
    write(markup)
  }

  package mutating func rect(
    x: Double, y: Double, width: Double, height: Double, className: String, title: String? = nil,
    transparent: Bool = false
  ) {
    startElement()
    write("<rect x=\"")
    write(x)
    write("\" y=\"")
    write(y)
    write("\" width=\"")
    write(max(width, 0))
    write("\" height=\"")
    write(max(height, 0))
    write("\" class=\"")
    write(className)
    write(transparent ? "\" fill=\"transparent\"" : "\"")
    close("rect", title: title)
  }

  package mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, className: String, title: String? = nil
  ) {
    startElement()
    write("<line x1=\"")
    write(x1)
    write("\" y1=\"")
    write(y1)
    write("\" x2=\"")
    write(x2)
    write("\" y2=\"")
    write(y2)
    write("\" class=\"")
    write(className)
    write("\"")
    close("line", title: title)
  }

  /// A polyline through the points; `nil` values break it into pieces.
  package mutating func path(_ points: [(x: Double, y: Double?)], className: String, title: String? = nil) {
    guard points.contains(where: { $0.y != nil }) else { return }
    startElement()
    write("<path d=\"")
    var first = true
    var pen: StaticString = "M"
    for point in points {
      guard let y = point.y else {
        pen = "M"
        continue
      }
      if !first { write(" ") }
      first = false
      write(pen)
      write(point.x)
      write(",")
      write(y)
      pen = "L"
    }
    write("\" class=\"")
    write(className)
    write("\"")
    close("path", title: title)
  }

  package mutating func circle(x: Double, y: Double, radius: Double, className: String, title: String? = nil)
  {
    startElement()
    write("<circle cx=\"")
    write(x)
    write("\" cy=\"")
    write(y)
    write("\" r=\"")
    write(radius)
    write("\" class=\"")
    write(className)
    write("\"")
    close("circle", title: title)
  }

  package enum Anchor: String { case start, middle, end }

  package mutating func text(
    _ text: String, x: Double, y: Double, className: String, anchor: Anchor = .start, rotated: Bool = false
  ) {
    startElement()
    write("<text x=\"")
    write(x)
    write("\" y=\"")
    write(y)
    write("\" class=\"")
    write(className)
    write("\" text-anchor=\"")
    write(anchor.rawValue)
    write("\"")
    if rotated {
      write(" transform=\"rotate(-90 ")
      write(x)
      write(" ")
      write(y)
      write(")\"")
    }
    write(">")
    write(HTMLEscaping.escape(text))
    write("</text>")
  }

  /// The finished `<svg>`, labelled for screen readers.
  package func svg(label: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
      + "role=\"img\" aria-label=\"\(HTMLEscaping.escape(label))\" class=\"chart\">\n"
      + String(decoding: markup, as: UTF8.self) + "\n</svg>"
  }

  // MARK: Writing

  /// Elements are separated by a line break.
  private mutating func startElement() {
    if elements > 0 { markup.append(UInt8(ascii: "\n")) }
    elements += 1
  }

  /// `/>`, or the escaped title and the closing tag.
  private mutating func close(_ element: StaticString, title: String?) {
    guard let title else {
      write("/>")
      return
    }
    write("><title>")
    write(HTMLEscaping.escape(title))
    write("</title></")
    write(element)
    write(">")
  }

  private mutating func write(_ literal: StaticString) { markup.append(literal: literal) }

  private mutating func write(_ text: String) { markup.append(contentsOf: text.utf8) }

  private mutating func write(_ coordinate: Double) {
    NumberFormat.appendDecimal(coordinate, places: 1, to: &markup)
  }
}
