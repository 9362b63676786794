import CapacityModel
import Foundation

/// Reads `sadf -d` output: `;`-separated, one `# hostname;interval;timestamp;…` header per
/// activity, `LINUX-RESTART (N CPU)` and `COM …` rows mixed in.
///
/// CPU (`-u`: `%idle`; `-u ALL`: the same column) becomes node CPU: 100 − `%idle` of all CPUs
/// (`CPU` = `-1` or `all`); per-CPU rows are ignored. Without a restart row the file does not say
/// how many CPUs the host has, so CPU stays a host percentage until another file of the same host
/// says (`ResourceStatistics` converts it). Memory (`-r`) becomes node memory used: `kbmemused` KiB.
package struct SadfCSVParser {
  package func parse(_ bytes: [UInt8], source: SourceFile) throws(IngestError) -> ResourceFile {
    var builder = ResourceSeriesBuilder(source: source)
    var diagnostics: [Diagnostic] = []
    for row in rows(String(decoding: bytes, as: UTF8.self), builder: &builder) {
      if let problem = add(row, to: &builder) {
        diagnostics.append(Diagnostic(SourceLocation(file: source.path, line: row.line), problem))
      }
    }
    return ResourceFile(source: source, series: builder.series, diagnostics: diagnostics)
  }

  /// A data row with its line and the columns of the header above it.
  private typealias Row = (line: Int, fields: [Substring], columns: [String: Int])

  /// The data rows, each with the header in force; the host (first field) and, from a restart
  /// row, its CPU count go to `builder`. Restart and `COM` rows are no data.
  private func rows(_ text: String, builder: inout ResourceSeriesBuilder) -> [Row] {
    var columns: [String: Int] = [:]
    var rows: [Row] = []
    for (index, rawLine) in text.textLines().enumerated() {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      guard !line.isEmpty else { continue }
      if line.hasPrefix("#") {
        columns = [:]
        let names = line.dropFirst().trimmingPrefixSpaces().split(
          separator: ";", omittingEmptySubsequences: false)
        for (position, name) in names.enumerated() { columns[String(name)] = position }
        continue
      }
      let fields = line.split(separator: ";", omittingEmptySubsequences: false)
      if builder.host == nil, let host = fields.first { builder.host = String(host) }
      if fields.count > 3, fields[3].contains("LINUX-RESTART") {
        if let range = fields[3].range(of: #"\((\d+) CPU\)"#, options: .regularExpression) {
          builder.hostCPUs = Int(fields[3][range].dropFirst().prefix { $0.isNumber })
        }
        continue
      }
      if fields.count > 3, fields[3].hasPrefix("COM ") { continue }
      rows.append((index + 1, fields, columns))
    }
    return rows
  }

  /// Adds a row's node CPU (all CPUs' `%idle`) or memory (`kbmemused`); per-CPU rows are left out.
  /// Returns why the row was skipped, if it was.
  private func add(_ row: Row, to builder: inout ResourceSeriesBuilder) -> String? {
    let (fields, columns) = (row.fields, row.columns)
    guard let timeColumn = columns["timestamp"], fields.count > timeColumn,
      let time = Self.time(String(fields[timeColumn]))
    else { return "row without a readable timestamp skipped" }
    if let idleColumn = columns["%idle"], let cpuColumn = columns["CPU"], fields.count > idleColumn {
      guard ["-1", "all"].contains(fields[cpuColumn]) else { return nil }
      guard let idle = Double(fields[idleColumn]) else { return "unreadable %idle skipped" }
      builder.addNodeCPU(busyPercent: max(0, 100 - idle), time: time)
    } else if let usedColumn = columns["kbmemused"], fields.count > usedColumn {
      guard let used = Double(fields[usedColumn]) else { return "unreadable kbmemused skipped" }
      builder.addNodeMemory(bytes: used * 1024, time: time)
    }
    return nil
  }

  /// `2026-11-29 02:15:20 UTC`, or Unix seconds (`sadf -U`).
  package static func time(_ text: String) -> Double? {
    if let date = UTCTimestamp.parse(text) { return date.timeIntervalSince1970 }
    if let epoch = Double(text), epoch > 1e9 { return epoch }
    return nil
  }
}

extension Substring {
  fileprivate func trimmingPrefixSpaces() -> Substring { drop { $0 == " " } }
}
