import CapacityModel
import Foundation

/// Reads `pidstat -h -u -r` text (one line per process and interval, with a `# Time …` header).
///
/// The date is only in the first line (`Linux … (host) <date> _x86_64_ (N CPU)`, ISO or
/// `MM/DD/YYYY`); times of day are read as UTC (run pidstat with `TZ=UTC` or `S_TIME_FORMAT=ISO` on
/// a UTC host) and roll over to the next day when they go backwards. `%CPU` is a share of one CPU,
/// so millicores = `%CPU` × 10; `RSS` is in KiB. One series per command and PID.
package struct PidstatParser {
  package func parse(_ bytes: [UInt8], source: SourceFile) throws(IngestError) -> ResourceFile {
    let path = source.path
    let lines = String(decoding: bytes, as: UTF8.self).textLines()
    guard let first = lines.first, first.hasPrefix("Linux") else {
      throw .malformedRow(
        SourceLocation(file: path, line: 1), reason: "expected pidstat's 'Linux …' first line")
    }
    var builder = ResourceSeriesBuilder(source: source)
    let day = try Self.readBanner(String(first), path: path, into: &builder)
    var diagnostics: [Diagnostic] = []
    var columns: [String: Int] = [:]
    var previous: Double?
    var dayOffset = 0.0
    for (index, line) in lines.enumerated().dropFirst() {
      let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard let head = tokens.first else { continue }
      if head == "#" {
        columns = [:]
        for (position, name) in tokens.dropFirst().enumerated() { columns[name] = position }
        continue
      }
      if head.hasSuffix(":") && !head.contains(where: \.isNumber) { continue }  // Average: lines
      guard let cpuColumn = columns["%CPU"], let commandColumn = columns["Command"],
        let pidColumn = columns["PID"]
      else { continue }
      let row = Self.withTwentyFourHourTime(tokens)
      // Every column the row is read at must be there: a header may name them in any order
      // (fuzz finding: PID after Command, a row ending at Command).
      let lastRead = max(commandColumn, pidColumn, cpuColumn, columns["RSS"] ?? 0)
      guard row.count > lastRead, let time = timeOfRow(row[0], day: day) else {
        diagnostics.append(
          Diagnostic(SourceLocation(file: path, line: index + 1), "unreadable pidstat row skipped"))
        continue
      }
      var absolute = time + dayOffset
      if let previous, absolute < previous - 43_200 {
        dayOffset += 86_400
        absolute += 86_400
      }
      previous = absolute
      Self.add(
        row, command: commandColumn, pid: pidColumn, cpu: cpuColumn, rss: columns["RSS"], time: absolute,
        to: &builder)
    }
    if builder.series.isEmpty {
      diagnostics.append(
        Diagnostic(
          SourceLocation(file: path), "no pidstat rows with %CPU and RSS (expected `pidstat -h -u -r`)"))
    }
    return ResourceFile(source: source, series: builder.series, diagnostics: diagnostics)
  }

  /// The first line's date (the day every time of day is on), host name and CPU count.
  private static func readBanner(_ first: String, path: String, into builder: inout ResourceSeriesBuilder)
    throws(IngestError) -> Double
  {
    let banner = first.split(whereSeparator: { $0 == " " || $0 == "\t" })
    var day: Double?
    for token in banner {
      if let date = Self.day(String(token)) { day = date }
    }
    if let open = banner.firstIndex(where: { $0.hasPrefix("(") && $0.hasSuffix(")") && $0.count > 2 }) {
      builder.host = String(banner[open].dropFirst().dropLast())
    }
    if let cpus = first.range(of: #"\((\d+) CPU\)"#, options: .regularExpression) {
      builder.hostCPUs = Int(first[cpus].dropFirst().prefix { $0.isNumber })
    }
    guard let day else {
      throw .malformedRow(SourceLocation(file: path, line: 1), reason: "no date in pidstat's first line")
    }
    return day
  }

  /// A row whose time is `hh:mm:ss AM|PM` gets it as `@seconds` of the day in one token.
  private static func withTwentyFourHourTime(_ tokens: [String]) -> [String] {
    var row = tokens
    if row.count > 1, ["AM", "PM"].contains(row[1]), let seconds = Self.secondsOfDay(row[0]) {
      row[0] = "@\(seconds % 43_200 + (row[1] == "PM" ? 43_200 : 0))"
      row.remove(at: 1)
    }
    return row
  }

  /// The row's CPU (millicores) and RSS (bytes) for its command and PID, at the given columns.
  private static func add(
    _ row: [String], command commandColumn: Int, pid pidColumn: Int, cpu cpuColumn: Int, rss rssColumn: Int?,
    time: Double, to builder: inout ResourceSeriesBuilder
  ) {
    let command = URL(
      fileURLWithPath: row[commandColumn...].joined(separator: " ").split(separator: " ").first
        .map(String.init) ?? ""
    ).lastPathComponent
    let pid = row[pidColumn]
    if let cpu = Double(row[cpuColumn]) {
      builder.add(
        entity: command, instance: "pid \(pid)", metric: .cpu, unit: .millicores, time: time, value: cpu * 10)
    }
    if let rssColumn, let rss = Double(row[rssColumn]) {
      builder.add(
        entity: command, instance: "pid \(pid)", metric: .memory, unit: .bytes, time: time, value: rss * 1024)
    }
  }

  /// Unix seconds of the time in a row, on `day` (seconds at midnight UTC); epoch seconds pass through.
  private func timeOfRow(_ text: String, day: Double) -> Double? {
    if text.hasPrefix("@") { return Double(text.dropFirst()).map { day + $0 } }
    if let seconds = Self.secondsOfDay(text) { return day + Double(seconds) }
    if let epoch = Double(text), epoch > 1e9 { return epoch }
    return nil
  }

  package static func secondsOfDay(_ text: String) -> Int? {
    let parts = text.split(separator: ":")
    guard parts.count == 3, let hour = Int(parts[0]), let minute = Int(parts[1]), let second = Int(parts[2]),
      (0..<24).contains(hour), (0..<60).contains(minute), (0..<61).contains(second)
    else { return nil }
    return hour * 3600 + minute * 60 + second
  }

  /// Midnight UTC of `2026-11-29` or `11/29/2026`, in Unix seconds.
  package static func day(_ text: String) -> Double? {
    if text.count == 10, text.dropFirst(4).first == "-" {
      return UTCTimestamp.parse(text + "T00:00:00Z")?.timeIntervalSince1970
    }
    let parts = text.split(separator: "/")
    if parts.count == 3, parts[2].count == 4, let month = Int(parts[0]), let dayOfMonth = Int(parts[1]) {
      let iso = String(format: "%@-%02d-%02dT00:00:00Z", String(parts[2]), month, dayOfMonth)
      return UTCTimestamp.parse(iso)?.timeIntervalSince1970
    }
    return nil
  }
}
