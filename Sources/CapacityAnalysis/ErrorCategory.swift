/// The failure taxonomy of `report.json` (`errors[].category`).
public enum ErrorCategory: String, Sendable, Codable, CaseIterable, Comparable {
  case connectionRefused = "connection_refused"
  case connectionReset = "connection_reset"
  case timeout
  case dns
  case tls
  /// A check that reported HTTP status 0: no response arrived at all.
  case noResponse = "no_response"
  case http5xx = "http_5xx"
  case http4xx = "http_4xx"
  case checkFailed = "check_failed"
  case other

  /// Failures that say the request never got an answer from the application, so they describe
  /// the environment (network, ingress, quota), not the application's performance.
  public var isConnectionLevel: Bool {
    switch self {
    case .connectionRefused, .connectionReset, .timeout, .dns, .tls, .noResponse: true
    case .http5xx, .http4xx, .checkFailed, .other: false
    }
  }

  /// Readable name for reports.
  public var label: String {
    switch self {
    case .connectionRefused: "connection refused"
    case .connectionReset: "connection reset"
    case .timeout: "timeout"
    case .dns: "DNS failure"
    case .tls: "TLS failure"
    case .noResponse: "no response (status 0)"
    case .http5xx: "HTTP 5xx"
    case .http4xx: "HTTP 4xx"
    case .checkFailed: "check failed"
    case .other: "other"
    }
  }

  public static func < (lhs: ErrorCategory, rhs: ErrorCategory) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
