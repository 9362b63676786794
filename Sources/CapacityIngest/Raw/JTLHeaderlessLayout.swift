import Foundation

/// Chooses the columns of a JMeter CSV file written without a header
/// (`jmeter.save.saveservice.print_field_names=false`, the default before JMeter 3.0).
///
/// JMeter writes the fields it is configured to save in one fixed order (`CSVSaveService`), so a
/// header-less file is a subsequence of `JTLHeaderlessLayout.order`. In order of precedence the
/// columns come from `--jtl-columns`, from a `jmeter.properties` / `user.properties` next to the
/// file (its `jmeter.save.saveservice.*` lines; commented lines are that version's defaults), or
/// from the first rows: the field count and the fields' content must fit one of the layouts
/// JMeter versions wrote by default. When nothing fits the file is refused, naming the field
/// count and the layouts tried.
package struct JTLHeaderlessLayout {
  /// Every CSV field JMeter can save, in the order it writes them.
  package static let order: [(name: String, property: String)] = [
    ("timeStamp", "timestamp_format"), ("elapsed", "time"), ("label", "label"),
    ("responseCode", "response_code"), ("responseMessage", "response_message"),
    ("threadName", "thread_name"), ("dataType", "data_type"), ("success", "successful"),
    ("failureMessage", "assertion_results_failure_message"), ("bytes", "bytes"),
    ("sentBytes", "sent_bytes"), ("grpThreads", "thread_counts"), ("allThreads", "thread_counts"),
    ("URL", "url"), ("Filename", "filename"), ("Latency", "latency"), ("Encoding", "encoding"),
    ("SampleCount", "sample_count"), ("ErrorCount", "sample_count"), ("Hostname", "hostname"),
    ("IdleTime", "idle_time"), ("Connect", "connect_time"),
  ]

  /// Saved unless a properties file says otherwise.
  package static let savedByDefault: Set<String> = [
    "timestamp_format", "time", "label", "response_code", "response_message", "thread_name", "data_type",
    "successful",
  ]

  /// The layouts JMeter versions wrote with their shipped `jmeter.properties`, and common variants.
  package static let known: [(name: String, columns: [String])] = [
    ("JMeter 5.x default", columns(drop: ["Filename", "Encoding", "SampleCount", "ErrorCount", "Hostname"])),
    (
      "JMeter 3.1-4.x default (no URL)",
      columns(drop: ["URL", "Filename", "Encoding", "SampleCount", "ErrorCount", "Hostname"])
    ),
    (
      "JMeter 3.0 default (no sentBytes)",
      columns(drop: ["sentBytes", "URL", "Filename", "Encoding", "SampleCount", "ErrorCount", "Hostname"])
    ),
    ("JMeter 2.13 with failureMessage", twoX(failureMessage: true)),
    ("JMeter 2.x default (2.13)", twoX(failureMessage: false)),
    ("JMeter 2.x without thread counts, with failureMessage", twoX(failureMessage: true, threads: false)),
    ("JMeter 2.x without thread counts", twoX(failureMessage: false, threads: false)),
    ("JMeter 2.x minimal with failureMessage", Array(order.prefix(9).map(\.name))),
    ("JMeter 2.x minimal (no bytes, threads, latency)", Array(order.prefix(8).map(\.name))),
  ]

  private static func columns(drop: Set<String>) -> [String] {
    order.map(\.name).filter { !drop.contains($0) }
  }

  private static func twoX(failureMessage: Bool, threads: Bool = true) -> [String] {
    var drop: Set<String> = [
      "sentBytes", "URL", "Filename", "Encoding", "SampleCount", "ErrorCount", "Hostname", "IdleTime",
      "Connect",
    ]
    if !failureMessage { drop.insert("failureMessage") }
    if !threads { drop.formUnion(["grpThreads", "allThreads"]) }
    return columns(drop: drop)
  }

  /// The layout and a sentence saying how it was chosen.
  package static func resolve(
    _ bytes: UnsafeRawBufferPointer, start: Int, delimiter detected: UInt8, path: String, columns: [String]?
  ) throws(IngestError) -> (JTLCSVLayout, String) {
    var delimiter = detected
    let rows = sampleRows(bytes, start: start, delimiter: delimiter)
    let fieldCount = mostCommonCount(rows)
    if let columns {
      guard columns.count == fieldCount else {
        throw .unsupported(
          path: path,
          reason: "--jtl-columns names \(columns.count) column(s) but the rows have \(fieldCount) field(s)")
      }
      return (JTLCSVLayout(delimiter: delimiter, columns: columns), "read with the columns of --jtl-columns")
    }
    if let properties = SaveServiceProperties(
      directory: URL(fileURLWithPath: path).deletingLastPathComponent())
    {
      let columns = properties.columns
      delimiter = properties.delimiter ?? delimiter
      guard columns.count == fieldCount else {
        throw .unsupported(
          path: path,
          reason: "\(properties.source) gives \(columns.count) column(s) (\(columns.joined(separator: ","))) "
            + "but the rows have \(fieldCount) field(s); fix it or pass --jtl-columns")
      }
      return (
        JTLCSVLayout(delimiter: delimiter, columns: columns),
        "read with the columns \(properties.source) gives (\(columns.joined(separator: ",")))"
      )
    }
    for layout in known where layout.columns.count == fieldCount && fits(rows, layout.columns) {
      return (
        JTLCSVLayout(delimiter: delimiter, columns: layout.columns),
        "read as \(layout.name) (\(fieldCount) fields: \(layout.columns.joined(separator: ",")))"
      )
    }
    let tried = known.map { "\($0.name) (\($0.columns.count))" }.joined(separator: "; ")
    throw .unsupported(
      path: path,
      reason:
        "no header line, and its \(fieldCount) field(s) per row fit none of the layouts tried: \(tried); "
        + "pass --jtl-columns with the column names in order, or put the jmeter.properties that wrote it "
        + "next to the file")
  }

  /// Whether every sampled row's fields have the content the columns call for.
  package static func fits(_ rows: [[Substring]], _ columns: [String]) -> Bool {
    let sample = rows.filter { $0.count == columns.count }
    guard !sample.isEmpty else { return false }
    return sample.allSatisfy { row in
      zip(row, columns).allSatisfy { field, column in accepts(column, field) }
    }
  }

  private static func accepts(_ column: String, _ field: Substring) -> Bool {
    switch column {
    case "timeStamp": return field.count >= 8 && (field.allSatisfy(\.isNumber) || field.contains(":"))
    case "elapsed", "bytes", "sentBytes", "grpThreads", "allThreads", "Latency", "IdleTime", "Connect",
      "SampleCount", "ErrorCount":
      return !field.isEmpty && field.allSatisfy { $0.isASCII && $0.isNumber }
    case "success": return field == "true" || field == "false"
    case "dataType": return field.isEmpty || field == "text" || field == "bin"
    case "URL": return field.isEmpty || field == "null" || field.contains("://")
    case "failureMessage", "Encoding", "Filename", "Hostname":
      return field.isEmpty || !field.allSatisfy { $0.isASCII && $0.isNumber }
    default: return true
    }
  }

  private static func mostCommonCount(_ rows: [[Substring]]) -> Int {
    var counts: [Int: Int] = [:]
    for row in rows { counts[row.count, default: 0] += 1 }
    return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? 0
  }

  /// Up to 50 rows from `start`, split on the delimiter outside quotes; a row with an open quote
  /// at its line end (a quoted line break) ends the sample.
  package static func sampleRows(_ bytes: UnsafeRawBufferPointer, start: Int, delimiter: UInt8)
    -> [[Substring]]
  {
    let end = min(bytes.count, start + (256 << 10))
    let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    let separator = Character(UnicodeScalar(delimiter))
    var rows: [[Substring]] = []
    for line in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).prefix(50) {
      var fields: [Substring] = []
      var fieldStart = line.startIndex
      var quoted = false
      var index = line.startIndex
      while index < line.endIndex {
        let character = line[index]
        if character == "\"" {
          quoted.toggle()
        } else if character == separator, !quoted {
          fields.append(unquote(line[fieldStart..<index]))
          fieldStart = line.index(after: index)
        }
        index = line.index(after: index)
      }
      if quoted { break }
      fields.append(unquote(line[fieldStart..<line.endIndex]))
      rows.append(fields)
    }
    return rows.count > 1 && end < bytes.count ? Array(rows.dropLast()) : rows
  }

  private static func unquote(_ field: Substring) -> Substring {
    field.count >= 2 && field.first == "\"" && field.last == "\"" ? field.dropFirst().dropLast() : field
  }
}

/// The `jmeter.save.saveservice.*` settings of a `jmeter.properties` (and `user.properties`) next
/// to a results file. A commented line states that version's default; an active line overrides.
package struct SaveServiceProperties {
  package var values: [String: String] = [:]
  package var source: String

  package init?(directory: URL) {
    var found: [String] = []
    for name in ["jmeter.properties", "user.properties"] {
      let url = directory.appendingPathComponent(name)
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
      found.append(name)
      var active: [String: String] = [:]
      for rawLine in text.split(whereSeparator: \.isNewline) {
        var line = rawLine.trimmingCharacters(in: .whitespaces)
        let commented = line.hasPrefix("#")
        if commented { line = String(line.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces) }
        guard line.hasPrefix("jmeter.save.saveservice."), let equals = line.firstIndex(of: "=") else {
          continue
        }
        let key = String(line[line.index(line.startIndex, offsetBy: 24)..<equals])
          .trimmingCharacters(in: .whitespaces)
        let value = String(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        if commented {
          if values[key] == nil, active[key] == nil { values[key] = value }
        } else {
          active[key] = value
        }
      }
      values.merge(active) { _, new in new }
    }
    guard !found.isEmpty, values.keys.contains(where: { $0 != "output_format" }) else { return nil }
    source = "the " + found.joined(separator: " and ") + " next to the file"
  }

  package func saves(_ property: String) -> Bool {
    if property == "timestamp_format" { return values[property]?.lowercased() != "none" }
    guard let value = values[property] else { return JTLHeaderlessLayout.savedByDefault.contains(property) }
    return value.lowercased() == "true"
  }

  package var columns: [String] {
    JTLHeaderlessLayout.order.filter { saves($0.property) }.map(\.name)
  }

  package var delimiter: UInt8? {
    guard let value = values["default_delimiter"] else { return nil }
    if value == "\\t" || value == "\t" { return 0x09 }
    return value.utf8.count == 1 ? value.utf8.first : nil
  }
}
