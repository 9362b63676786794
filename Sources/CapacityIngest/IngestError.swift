import CapacityModel
import Foundation

/// Why an input could not be read at all. Recoverable problems become `Diagnostic`s instead.
public enum IngestError: Error, Equatable, LocalizedError {
  case unreadable(path: String, reason: String)
  case notFound(path: String)
  case unrecognized(path: String)
  case malformedRow(SourceLocation, reason: String)
  case missingColumns(path: String, columns: [String])
  case emptyFile(path: String)
  case unsupported(path: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
    case .notFound(let path): "'\(path)' does not exist (and matches no file as a glob)"
    case .unrecognized(let path):
      "'\(path)' is not a supported input: expected a Locust *_stats.csv, *_stats_history.csv, "
        + "*_failures.csv or *_exceptions.csv, a JMeter JTL (CSV or XML), a k6 CSV or JSON output, "
        + "a vegeta CSV, a Gatling simulation.log, or resource samples (Prometheus query_range JSON, "
        + "sadf -x/-d, pidstat -h, kubectl top or docker stats logs), detected by their first bytes"
    case .malformedRow(let at, let reason): "\(at): \(reason)"
    case .missingColumns(let path, let columns):
      "'\(path)': header lacks the column(s) \(columns.map { "'\($0)'" }.joined(separator: ", "))"
    case .emptyFile(let path): "'\(path)' is empty"
    case .unsupported(let path, let reason): "'\(path)' is not supported: \(reason)"
    }
  }
}
