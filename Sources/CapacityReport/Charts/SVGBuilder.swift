import CapacityModel

/// Accumulates the markup of one inline SVG chart. Every text and title goes through
/// `HTMLEscaping`, every coordinate through one POSIX format (one decimal), so charts are
/// byte-stable and safe to embed.
package struct SVGBuilder {
  package let width: Double
  package let height: Double
  private var parts: [String] = []

  package init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  package static func number(_ value: Double) -> String { NumberFormat.decimal(value, places: 1) }

  private func n(_ value: Double) -> String { Self.number(value) }

  private static func titled(_ title: String?) -> String {
    title.map { "<title>\(HTMLEscaping.escape($0))</title>" } ?? ""
  }

  package mutating func raw(_ markup: String) { parts.append(markup) }

  package mutating func rect(
    x: Double, y: Double, width: Double, height: Double, className: String, title: String? = nil,
    transparent: Bool = false
  ) {
    let fill = transparent ? " fill=\"transparent\"" : ""
    let open =
      "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(width, 0)))\" height=\"\(n(max(height, 0)))\" class=\"\(className)\"\(fill)"
    parts.append(title == nil ? open + "/>" : open + ">" + Self.titled(title) + "</rect>")
  }

  package mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, className: String, title: String? = nil
  ) {
    let open = "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" class=\"\(className)\""
    parts.append(title == nil ? open + "/>" : open + ">" + Self.titled(title) + "</line>")
  }

  /// A polyline through the points; `nil` values break it into pieces.
  package mutating func path(_ points: [(x: Double, y: Double?)], className: String, title: String? = nil) {
    var d = ""
    var pen = "M"
    for point in points {
      guard let y = point.y else {
        pen = "M"
        continue
      }
      d += (d.isEmpty ? "" : " ") + pen + n(point.x) + "," + n(y)
      pen = "L"
    }
    guard !d.isEmpty else { return }
    let open = "<path d=\"\(d)\" class=\"\(className)\""
    parts.append(title == nil ? open + "/>" : open + ">" + Self.titled(title) + "</path>")
  }

  package mutating func circle(x: Double, y: Double, radius: Double, className: String, title: String? = nil)
  {
    let open = "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(radius))\" class=\"\(className)\""
    parts.append(title == nil ? open + "/>" : open + ">" + Self.titled(title) + "</circle>")
  }

  package enum Anchor: String { case start, middle, end }

  package mutating func text(
    _ text: String, x: Double, y: Double, className: String, anchor: Anchor = .start, rotated: Bool = false
  ) {
    let transform = rotated ? " transform=\"rotate(-90 \(n(x)) \(n(y)))\"" : ""
    parts.append(
      "<text x=\"\(n(x))\" y=\"\(n(y))\" class=\"\(className)\" text-anchor=\"\(anchor.rawValue)\"\(transform)>"
        + HTMLEscaping.escape(text) + "</text>")
  }

  /// The finished `<svg>`, labelled for screen readers.
  package func svg(label: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
      + "aria-label=\"\(HTMLEscaping.escape(label))\" class=\"chart\">\n"
      + parts.joined(separator: "\n") + "\n</svg>"
  }
}
