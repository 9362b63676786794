import CapacityKit

/// One progress line, fitted to `columns`: `parsing  big.jtl [#####     ]  45 %  120 MB/s  ETA 3 s`.
/// The file name is shortened from the left (`…/runs/big.jtl` keeps its end), then the bar, rate
/// and ETA drop out when the terminal is too narrow; the line never reaches the last column, so
/// the terminal never wraps it.
struct ProgressLine {
  var phase: IngestPhase
  var subject: String
  /// Bytes done and in all, when the phase counts bytes.
  var done: Int? = nil
  var total: Int? = nil
  var bytesPerSecond: Double? = nil

  func render(columns: Int) -> String {
    let room = max(columns - 1, 10)
    var tail: [String] = []
    var bar = ""
    if let done, let total, total > 0 {
      let fraction = min(1, max(0, Double(done) / Double(total)))
      tail.append(NumberFormat.decimal((fraction * 100).rounded(.down), places: 0) + " %")
      if let rate = bytesPerSecond, rate > 0 {
        tail.append(Self.megabytes(rate) + "/s")
        tail.append("ETA " + Self.duration(Double(total - done) / rate))
      }
      let barWidth = min(30, max(0, room / 4))
      if barWidth >= 5 {
        let filled = Int(fraction * Double(barWidth))
        bar =
          "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: barWidth - filled) + "]"
      }
    }
    var parts = [phase.rawValue, "", bar] + tail
    // Drop what does not fit, least useful first: ETA, rate, bar.
    for drop in [5, 4, 2] where Self.width(parts) + 8 > room && parts.count > drop {
      parts[drop] = ""
    }
    parts[1] = Self.shorten(subject, to: max(room - Self.width(parts), 0))
    let line = parts.filter { !$0.isEmpty }.joined(separator: "  ")
    return String(line.prefix(room))
  }

  private static func width(_ parts: [String]) -> Int {
    let present = parts.filter { !$0.isEmpty }
    return present.reduce(0) { $0 + $1.count } + 2 * present.count
  }

  /// `name` cut to `width` characters, keeping its end behind `…`.
  static func shorten(_ name: String, to width: Int) -> String {
    guard name.count > width else { return name }
    guard width > 1 else { return "" }
    return "…" + name.suffix(width - 1)
  }

  static func megabytes(_ bytes: Double) -> String {
    let value = bytes / 1_000_000
    return NumberFormat.grouped(value, places: value < 10 ? 1 : 0) + " MB"
  }

  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "–" }
    if seconds < 60 { return "\(Int(seconds.rounded(.up))) s" }
    let minutes = Int(seconds) / 60
    return "\(minutes) min \(Int(seconds) % 60) s"
  }
}
