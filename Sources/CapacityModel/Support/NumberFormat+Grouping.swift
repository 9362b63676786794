extension NumberFormat {
  /// An integer with thousands grouped by commas, `1,234,567`, for terminal tables and summaries
  /// (never for JSON or metrics files, which scripts read).
  public static func grouped(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return (value < 0 ? "-" : "") + grouped
  }

  /// `value` rounded once to `places` decimals, the integer part grouped: `3,233.1`.
  public static func grouped(_ value: Double, places: Int) -> String {
    let text = decimal(value, places: places)
    guard value.isFinite else { return text }
    let negative = text.hasPrefix("-")
    let unsigned = negative ? String(text.dropFirst()) : text
    let parts = unsigned.split(separator: ".", maxSplits: 1)
    guard let whole = Int64(parts[0]) else { return text }
    let fraction = parts.count > 1 ? "." + parts[1] : ""
    return (negative ? "-" : "") + grouped(whole) + fraction
  }
}
