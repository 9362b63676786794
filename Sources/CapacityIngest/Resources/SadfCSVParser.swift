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
    let path = source.path
    var builder = ResourceSeriesBuilder(source: source)
    var diagnostics: [Diagnostic] = []
    var columns: [String: Int] = [:]
    var rows: [(line: Int, fields: [Substring], columns: [String: Int])] = []
    let text = String(decoding: bytes, as: UTF8.self)
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
    let cpus = builder.hostCPUs
    for (line, fields, columns) in rows {
      guard let timeColumn = columns["timestamp"], fields.count > timeColumn,
        let time = Self.time(String(fields[timeColumn]))
      else {
        diagnostics.append(
          Diagnostic(SourceLocation(file: path, line: line), "row without a readable timestamp skipped"))
        continue
      }
      if let idleColumn = columns["%idle"], let cpuColumn = columns["CPU"], fields.count > idleColumn {
        guard ["-1", "all"].contains(fields[cpuColumn]) else { continue }
        guard let idle = Double(fields[idleColumn]) else {
          diagnostics.append(Diagnostic(SourceLocation(file: path, line: line), "unreadable %idle skipped"))
          continue
        }
        let busy = max(0, 100 - idle)
        if let cpus {
          builder.add(
            entity: "node", isNode: true, metric: .cpu, unit: .millicores, time: time,
            value: busy / 100 * Double(cpus) * 1000)
        } else {
          builder.add(entity: "node", isNode: true, metric: .cpu, unit: .hostPercent, time: time, value: busy)
        }
      } else if let usedColumn = columns["kbmemused"], fields.count > usedColumn {
        guard let used = Double(fields[usedColumn]) else {
          diagnostics.append(
            Diagnostic(SourceLocation(file: path, line: line), "unreadable kbmemused skipped"))
          continue
        }
        builder.add(
          entity: "node", isNode: true, metric: .memory, unit: .bytes, time: time, value: used * 1024)
      }
    }
    return ResourceFile(source: source, series: builder.series, diagnostics: diagnostics)
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
