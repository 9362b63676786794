import CapacityIngest
import CapacityModel
import Foundation

/// Where a fetched answer came from, written as the stored file's path so the report's sources list
/// (and `capacity report`, offline, later) shows it: the server (credentials masked), the query's
/// name, the window and step, and the PromQL as sent.
///
///     http://127.0.0.1:9090 node-cpu 2026-12-01T14:00:00Z/2026-12-01T14:05:00Z step=15s: sum(rate(…[60s]))
public struct PrometheusProvenance: Sendable, Equatable {
  public var server: String
  public var name: String
  public var from: Int64
  public var to: Int64
  public var stepSeconds: Int64
  public var expression: String

  public init(server: String, name: String, window: QueryWindow, expression: String) {
    self.server = server
    self.name = name
    self.from = window.start
    self.to = window.end
    self.stepSeconds = window.stepSeconds
    self.expression = expression
  }

  public var path: String {
    "\(server) \(name) \(Self.time(from))/\(Self.time(to)) step=\(stepSeconds)s: \(expression)"
  }

  /// Reads a path `path` wrote back; `nil` for any other path (a file from disk).
  public init?(path: String) {
    let head = path.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
    guard head.count == 4, head[0].hasPrefix("http://") || head[0].hasPrefix("https://"),
      PrometheusQuery.isValidName(String(head[1]))
    else { return nil }
    let times = head[2].split(separator: "/")
    guard times.count == 2, let from = UTCTimestamp.parse(String(times[0])),
      let to = UTCTimestamp.parse(String(times[1])), head[3].hasPrefix("step="),
      let colon = head[3].range(of: "s: "),
      let step = Int64(head[3][head[3].index(head[3].startIndex, offsetBy: 5)..<colon.lowerBound])
    else { return nil }
    server = String(head[0])
    name = String(head[1])
    self.from = Int64(from.timeIntervalSince1970)
    self.to = Int64(to.timeIntervalSince1970)
    stepSeconds = step
    expression = String(head[3][colon.upperBound...])
  }

  private static func time(_ seconds: Int64) -> String {
    UTCTimestamp.format(Date(timeIntervalSince1970: Double(seconds)))
  }

  /// SHA-256 of the query and the answer: the stored file's key, so the same answer to the same
  /// query is stored once however often it is fetched.
  public static func digest(expression: String, answer: [UInt8]) -> String {
    InputFile.hexDigest(Array("capacity-prometheus-answer\n\(expression)\n".utf8) + answer)
  }
}

extension PrometheusProvenance {
  /// The report's method note for the fetched files among `paths`: which server, which queries at
  /// which step, over which windows; `nil` when no file was fetched.
  public static func methodNote(paths: [String]) -> String? {
    let fetched = paths.compactMap(PrometheusProvenance.init(path:))
    guard !fetched.isEmpty else { return nil }
    var seen = Set<String>()
    var queries: [String] = []
    for item in fetched.sorted(by: { ($0.name, $0.stepSeconds) < ($1.name, $1.stepSeconds) }) {
      let text = "\(item.name) = \(item.expression) (step \(item.stepSeconds) s)"
      if seen.insert(text).inserted { queries.append(text) }
    }
    let servers = Set(fetched.map(\.server)).sorted().joined(separator: ", ")
    return "Prometheus samples: fetched from \(servers) with /api/v1/query_range over each run's span "
      + "± \(Int(QueryWindow.defaultMarginSeconds)) s, at the scrape interval as step unless a series would pass "
      + "\(QueryWindow.maximumPoints) points (rate windows max(step + scrape interval, 4 × scrape interval)): "
      + queries.joined(separator: "; ")
      + ". CPU-seconds rates are cores (× 1000 millicores), memory gauges bytes; answers are stored by the hash "
      + "of query and answer, so a re-render needs no server."
  }
}
