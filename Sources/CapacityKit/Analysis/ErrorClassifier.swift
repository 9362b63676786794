/// Sorts a failure message into an `ErrorCategory`.
///
/// Messages are what the tools write: Locust's `repr()` of the exception
/// (`ConnectionRefusedError(111, 'Connection refused')`, `HTTPError('500 Server Error: …')`,
/// `CatchResponseError('returned 0')`). Connection-level causes are checked first because
/// wrappers such as urllib3's `MaxRetryError` mention the URL and status words too.
public struct ErrorClassifier: Sendable {
  public init() {}

  public func classify(_ message: String) -> ErrorCategory {
    let text = message.lowercased()
    func has(_ needles: String...) -> Bool { needles.contains { text.contains($0) } }

    if has(
      "nameresolutionerror", "name or service not known", "temporary failure in name resolution",
      "getaddrinfo", "nodename nor servname", "no such host", "gaierror")
    {
      return .dns
    }
    if has("sslerror", "certificate_verify_failed", "certificate verify failed", "tls handshake", "ssl:") {
      return .tls
    }
    if has("connectionrefused", "connection refused", "econnrefused", "errno 111") {
      return .connectionRefused
    }
    if has(
      "connectionreset", "connection reset", "econnreset", "remotedisconnected", "connection aborted",
      "broken pipe", "brokenpipe", "remote end closed connection")
    {
      return .connectionReset
    }
    if has("timeout", "timed out") { return .timeout }
    if let status = Self.statusCode(in: text) {
      switch status {
      case 0: return .noResponse
      case 500...599: return .http5xx
      case 400...499: return .http4xx
      default: break
      }
    }
    if has("catchresponseerror", "assertionerror", "assert", "check", "expected", "unexpected") {
      return .checkFailed
    }
    return .other
  }

  /// An HTTP status named in the message: `500 Server Error` (requests' `HTTPError`), or a number
  /// right after `status`, `code`, `returned` or `http` (`status code 503`, `returned 0`).
  static func statusCode(in text: String) -> Int? {
    let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    for (index, word) in words.enumerated() {
      let next = index + 1 < words.count ? words[index + 1] : ""
      if word.count == 3, let code = Int(word), (100...599).contains(code),
        next == "server" || next == "client"
      {
        return code
      }
      if ["status", "code", "returned", "http"].contains(word), next.count == 1 || next.count == 3,
        let code = Int(next), code == 0 || (100...599).contains(code)
      {
        return code
      }
    }
    return nil
  }
}
