/// The class of a request's response status, for the status codes over time: the HTTP classes by
/// their first digit, `noResponse` for a transport error or a code that is no HTTP status
/// (JMeter's `Non HTTP response code: …`, k6 and vegeta's 0, anything outside 100–599), and
/// Gatling's `OK`/`KO` where the log carries no code at all.
public enum StatusClass: Int, Sendable, CaseIterable, Codable {
  case informational
  case success
  case redirection
  case clientError
  case serverError
  case noResponse
  /// Gatling: the request passed its checks; the log holds no status code.
  case okWithoutCode
  /// Gatling: the request failed (a check, a timeout or a transport error); no code in the log.
  case koWithoutCode

  /// How the report names the class.
  public var label: String {
    switch self {
    case .informational: "1xx"
    case .success: "2xx"
    case .redirection: "3xx"
    case .clientError: "4xx"
    case .serverError: "5xx"
    case .noResponse: "no response"
    case .okWithoutCode: "OK (no code)"
    case .koWithoutCode: "KO (no code)"
    }
  }

  /// The class of a numeric status: 100–599 by its hundreds, anything else no response.
  public static func of(code: Int64) -> StatusClass {
    switch code {
    case 100..<200: .informational
    case 200..<300: .success
    case 300..<400: .redirection
    case 400..<500: .clientError
    case 500..<600: .serverError
    default: .noResponse
    }
  }
}
