import CapacityModel
import Foundation

/// Turns a recognised resource file into `ResourceSeries`, choosing the parser by its kind.
public struct ResourceFileReader: Sendable {
  public init() {}

  /// Whether a kind holds resource samples rather than load-test results.
  public static func isResource(_ kind: InputKind) -> Bool {
    [.prometheusRange, .sadfXML, .sadfCSV, .pidstat, .kubectlTop, .dockerStats].contains(kind)
  }

  public func read(_ file: InputFile) throws(IngestError) -> ResourceFile {
    let source = file.sourceFile
    switch file.kind {
    case .prometheusRange:
      return try PrometheusRangeParser().parse(file.bytes, source: source, query: Self.query(for: file.path))
    case .sadfXML: return try SadfXMLParser().parse(file.bytes, source: source)
    case .sadfCSV: return try SadfCSVParser().parse(file.bytes, source: source)
    case .pidstat: return try PidstatParser().parse(file.bytes, source: source)
    case .kubectlTop: return try KubectlTopParser().parse(file.bytes, source: source)
    case .dockerStats: return try DockerStatsParser().parse(file.bytes, source: source)
    default: throw .unrecognized(path: file.path)
    }
  }

  /// The PromQL behind a saved answer, from a `queries.txt` next to it
  /// (`<file name>⇥<query_range URL>` per line, as the corpus's `prom_dump.sh` writes), if any.
  package static func query(for path: String) -> String? {
    let url = URL(fileURLWithPath: path)
    let list = url.deletingLastPathComponent().appendingPathComponent("queries.txt")
    guard let text = try? String(contentsOf: list, encoding: .utf8) else { return nil }
    for line in text.textLines() where !line.isEmpty {
      let fields = line.split(separator: "\t", maxSplits: 1)
      guard fields.count == 2, fields[0] == url.lastPathComponent,
        let components = URLComponents(string: String(fields[1]))
      else { continue }
      return components.queryItems?.first { $0.name == "query" }?.value
    }
    return nil
  }
}
