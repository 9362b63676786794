import CapacityModel
import Foundation

/// Reads a log of timestamped `docker stats --no-stream` output, table or `--format '{{json .}}'`:
///
///     <ISO time> CONTAINER ID   NAME   CPU %   MEM USAGE / LIMIT   MEM %   NET I/O   BLOCK I/O   PIDS
///     <ISO time> 3f2a9c1b7d4e   shop-django-1   12.34%   45.6MiB / 1.944GiB   2.29%   …
///     <ISO time> {"BlockIO":"…","CPUPerc":"12.34%","Container":"…","MemUsage":"45.6MiB / 1.944GiB",…,"Name":"shop-django-1",…}
///
/// CPU % sums cores (millicores = % × 10); memory usage uses binary units (`KiB`, `MiB`, `GiB`),
/// decimal ones (`kB`, `MB`, `GB`) are read as written. `--` (no stats) rows are skipped.
/// A loop a user can copy:
///
///     while true; do docker stats --no-stream --format '{{json .}}' | sed "s/^/$(date -u +%FT%TZ) /"; sleep 5; done >> docker-stats.log
package struct DockerStatsParser {
  package func parse(_ bytes: [UInt8], source: SourceFile) throws(IngestError) -> ResourceFile {
    let path = source.path
    var builder = ResourceSeriesBuilder(source: source)
    var diagnostics: [Diagnostic] = []
    let text = String(decoding: bytes, as: UTF8.self)
    for (index, line) in text.textLines().enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else { continue }
      let location = SourceLocation(file: path, line: index + 1)
      guard let space = trimmed.firstIndex(of: " "),
        let time = OffsetTimestamp.parse(String(trimmed[..<space]))?.timeIntervalSince1970
      else {
        diagnostics.append(Diagnostic(location, "line without a leading ISO timestamp skipped"))
        continue
      }
      let rest = trimmed[space...].trimmingCharacters(in: .whitespaces)
      if rest.hasPrefix("CONTAINER") || rest.hasPrefix("NAME") { continue }
      guard let sample = rest.hasPrefix("{") ? Self.json(rest) : Self.table(rest) else {
        diagnostics.append(Diagnostic(location, "unreadable docker stats row skipped"))
        continue
      }
      guard let cpu = sample.cpu, let memory = sample.memory else { continue }  // `--`: no stats yet
      builder.add(entity: sample.name, metric: .cpu, unit: .millicores, time: time, value: cpu * 10)
      builder.add(entity: sample.name, metric: .memory, unit: .bytes, time: time, value: memory)
    }
    if let warning = builder.foldWarning { diagnostics.append(warning) }
    return ResourceFile(source: source, series: builder.series, diagnostics: diagnostics)
  }

  private struct Sample {
    var name: String
    var cpu: Double?
    var memory: Double?
  }

  private static func json(_ text: String) -> Sample? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
      let name = object["Name"] as? String ?? object["Container"] as? String
    else { return nil }
    return Sample(
      name: name, cpu: percent(object["CPUPerc"] as? String ?? ""),
      memory: (object["MemUsage"] as? String).flatMap {
        size($0.split(separator: "/").first.map(String.init) ?? "")
      })
  }

  /// `ID NAME CPU% USAGE / LIMIT MEM% …`, split on runs of spaces.
  private static func table(_ text: String) -> Sample? {
    let tokens = text.split(separator: " ").map(String.init)
    guard tokens.count >= 4 else { return nil }
    return Sample(name: tokens[1], cpu: percent(tokens[2]), memory: size(tokens[3]))
  }

  private static func percent(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard trimmed.hasSuffix("%") else { return nil }
    return Double(trimmed.dropLast())
  }

  /// `45.6MiB`, `1.944GiB`, `512kB`, `1e+03kB` → bytes.
  package static func size(_ text: String) -> Double? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let units: [(String, Double)] = [
      ("KiB", 1024), ("MiB", 1_048_576), ("GiB", 1_073_741_824), ("TiB", 1_099_511_627_776),
      ("kB", 1e3), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("B", 1),
    ]
    for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
      return Double(trimmed.dropLast(suffix.count)).map { $0 * factor }
    }
    return nil
  }
}
