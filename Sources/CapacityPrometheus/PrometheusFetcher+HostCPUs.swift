import AsyncHTTPClient
import CapacityModel
import Foundation

extension PrometheusFetcher {
  /// Sets `hostCPUs` on the node CPU series of each window from the `node-cpus` query's answer
  /// (its largest value over the window); a window it has no answer for is a warning.
  func addHostCPUs(
    _ query: PrometheusQuery, to fetch: inout PrometheusFetch, windows: [QueryWindow], windowOfFile: [Int],
    client: HTTPClient
  ) throws(PrometheusError) {
    for (index, window) in windows.enumerated() {
      let files = windowOfFile.indices.filter { windowOfFile[$0] == index }
      guard files.contains(where: { fetch.files[$0].series.contains { $0.isNode && $0.metric == .cpu } })
      else {
        continue
      }
      let bytes = try get(query.rendered(for: window), window: window, client: client)
      guard let count = Self.largestValue(bytes).map({ Int($0.rounded()) }), count > 0 else {
        fetch.warnings.append(
          "warning: Prometheus at \(endpoint.shown) has no answer to \(query.name) (\(query.expression)) for "
            + "\(UTCTimestamp.format(Date(timeIntervalSince1970: Double(window.start)))): the node's CPU count "
            + "is unknown, so is its utilisation")
        continue
      }
      for file in files {
        for series in fetch.files[file].series.indices
        where fetch.files[file].series[series].isNode && fetch.files[file].series[series].metric == .cpu {
          fetch.files[file].series[series].hostCPUs = count
        }
      }
    }
  }

  /// The largest finite value of a `query_range` answer's series; `nil` without one.
  static func largestValue(_ bytes: [UInt8]) -> Double? {
    guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
      let data = object["data"] as? [String: Any], let result = data["result"] as? [[String: Any]]
    else { return nil }
    let values = result.flatMap { ($0["values"] as? [[Any]]) ?? [] }.compactMap { pair in
      (pair.count == 2 ? pair[1] as? String : nil).flatMap(Double.init)
    }
    return values.filter(\.isFinite).max()
  }
}
