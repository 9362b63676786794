import CapacityModel
import Foundation

/// Reads a log of timestamped `kubectl top pods` lines. Accepted shapes, one sample per line:
///
///     <ISO time> <pod> <cpu> <memory>                     kubectl top pods --no-headers
///     <ISO time> <namespace> <pod> <cpu> <memory>         kubectl top pods -A --no-headers
///     <ISO time> <pod> <container> <cpu> <memory>         after a `POD NAME …` header (--containers)
///     <ISO time> <namespace> <pod> <container> <cpu> <memory>
///
/// Header lines (`[<time>] [NAMESPACE] [POD] NAME CPU(cores) MEMORY(bytes)`) are skipped and decide
/// how two name columns are read (namespace + pod unless the header says `POD`). The time is ISO
/// 8601 with `Z` or an offset. CPU is `<n>m` (or cores), memory a Kubernetes quantity (`<n>Mi`).
/// A loop a user can copy:
///
///     while true; do kubectl top pods --no-headers | sed "s/^/$(date -u +%FT%TZ) /"; sleep 15; done >> ktop.log
package struct KubectlTopParser {
  package func parse(_ bytes: [UInt8], source: SourceFile) throws(IngestError) -> ResourceFile {
    let path = source.path
    var builder = ResourceSeriesBuilder(source: source)
    var diagnostics: [Diagnostic] = []
    var containersHeader = false
    let text = String(decoding: bytes, as: UTF8.self)
    for (index, line) in text.textLines().enumerated() {
      let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
      guard !tokens.isEmpty else { continue }
      if tokens.contains("CPU(cores)") {
        containersHeader = tokens.contains("POD")
        continue
      }
      guard tokens.count >= 4, let time = OffsetTimestamp.parse(tokens[0])?.timeIntervalSince1970,
        let cpuIndex = tokens.indices.dropFirst(2).first(where: { Self.millicores(tokens[$0]) != nil }),
        cpuIndex + 1 < tokens.count, let cpu = Self.millicores(tokens[cpuIndex]),
        let memory = try? Quantity(parsing: tokens[cpuIndex + 1]).value
      else {
        if !line.hasPrefix("#") {
          diagnostics.append(
            Diagnostic(
              SourceLocation(file: path, line: index + 1),
              "not a '<time> <pod> <cpu>m <memory>Mi' line, skipped"))
        }
        continue
      }
      let names = Array(tokens[1..<cpuIndex])
      let (pod, container): (String, String)
      switch names.count {
      case 1: (pod, container) = (names[0], "")
      case 2: (pod, container) = containersHeader ? (names[0], names[1]) : (names[1], "")
      default: (pod, container) = (names[names.count - 2], names[names.count - 1])
      }
      let instance = container.isEmpty ? "" : "container \(container)"
      builder.add(entity: pod, instance: instance, metric: .cpu, unit: .millicores, time: time, value: cpu)
      builder.add(
        entity: pod, instance: instance, metric: .memory, unit: .bytes, time: time, value: Double(memory))
    }
    if let warning = builder.foldWarning { diagnostics.append(warning) }
    return ResourceFile(source: source, series: builder.series, diagnostics: diagnostics)
  }

  /// `250m` → 250, `0.25` or `1` (cores) → 250 / 1000; `nil` for anything else.
  package static func millicores(_ token: String) -> Double? {
    if token.hasSuffix("m"), let value = Double(token.dropLast()), value >= 0 { return value }
    if token.hasSuffix("n"), let value = Double(token.dropLast()), value >= 0 { return value / 1_000_000 }
    return nil
  }
}
