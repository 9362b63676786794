import Foundation

/// Why fetching from Prometheus failed; every message names the server (credentials masked).
public enum PrometheusError: Error, Equatable, LocalizedError {
  case invalidURL(String, reason: String)
  case invalidQuery(String, reason: String)
  case unreachable(url: String, attempts: Int, reason: String)
  case httpStatus(url: String, status: Int, detail: String)
  case responseTooLarge(url: String, limit: Int)
  case notAnAnswer(url: String, query: String, reason: String)
  case noSeries(url: String, queries: [String], windows: Int)
  case emptyWindow(from: Int64, to: Int64)
  case stepTooFine(step: Int64, seconds: Int64, minimum: Int64)

  public var errorDescription: String? {
    switch self {
    case .invalidURL(let url, let reason): "--prometheus '\(url)': \(reason)"
    case .invalidQuery(let text, let reason): "Prometheus query '\(text)': \(reason)"
    case .unreachable(let url, let attempts, let reason):
      "Prometheus at \(url) is unreachable (\(attempts) attempt(s)): \(reason)"
    case .httpStatus(let url, let status, let detail):
      "Prometheus at \(url) answered HTTP \(status)" + (detail.isEmpty ? "" : ": \(detail)")
    case .responseTooLarge(let url, let limit):
      "Prometheus at \(url) sent more than \(limit >> 20) MiB for one query: narrow the query with a "
        + "label selector (--prom-query) or pass a coarser --prom-step"
    case .notAnAnswer(let url, let query, let reason):
      "Prometheus at \(url) sent something that is not a query_range answer for \(query): \(reason)"
    case .noSeries(let url, let queries, let windows):
      "Prometheus at \(url) has no series for \(queries.joined(separator: ", ")) in the window of "
        + "\(windows == 1 ? "the run" : "any of the \(windows) runs") (is it the server that scraped them, "
        + "and are they within its retention?)"
    case .emptyWindow(let from, let to):
      "the run's window \(from)…\(to) (Unix seconds) is empty or in the future"
    case .stepTooFine(let step, let seconds, let minimum):
      "--prom-step \(step)s gives more than \(QueryWindow.maximumPoints) points over \(seconds) s; "
        + "use \(minimum)s or more"
    }
  }
}
