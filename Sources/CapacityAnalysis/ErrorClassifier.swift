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
    func has(_ needles: String...) -> Bool { needles.contains { Self.offset(of: $0, in: text) != nil } }
    if let code = Self.k6ErrorCode(in: text), let category = Self.category(k6ErrorCode: code) {
      return category
    }

    if has(
      "nameresolutionerror", "name or service not known", "temporary failure in name resolution",
      "getaddrinfo", "nodename nor servname", "no such host", "gaierror", "unknownhostexception")
    {
      return .dns
    }
    if has(
      "sslerror", "certificate_verify_failed", "certificate verify failed", "tls handshake", "ssl:",
      "sslexception", "sslhandshakeexception", "javax.net.ssl")
    {
      return .tls
    }
    if has("connectionrefused", "connection refused", "econnrefused", "errno 111", "connectexception") {
      return .connectionRefused
    }
    if has(
      "connectionreset", "connection reset", "econnreset", "remotedisconnected", "connection aborted",
      "broken pipe", "brokenpipe", "remote end closed connection")
    {
      return .connectionReset
    }
    if has("timeout", "timed out", "deadline exceeded") { return .timeout }
    if has("nohttpresponseexception") { return .noResponse }
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
  package static func statusCode(in text: String) -> Int? {
    let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    for (index, word) in words.enumerated() {
      let next = index + 1 < words.count ? words[index + 1] : ""
      if word.count == 3, let code = Int(word), (100...599).contains(code),
        next == "server" || next == "client"
      {
        return code
      }
      if ["status", "code", "returned", "http", "found"].contains(word), next.count == 1 || next.count == 3,
        let code = Int(next), code == 0 || (100...599).contains(code)
      {
        return code
      }
    }
    return nil
  }

  /// The byte offset of the first `needle` in `text` (the needles here are ASCII). A byte scan:
  /// Foundation's `contains` and `range(of:)` went through NSString at about 13 000 instructions
  /// a call, some thirty calls a message.
  static func offset(of needle: String, in text: String) -> Int? {
    var text = text
    var needle = needle
    return text.withUTF8 { haystack in
      needle.withUTF8 { needle in
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
          if UnsafeBufferPointer(rebasing: haystack[start..<(start + needle.count)]).elementsEqual(needle) {
            return start
          }
        }
        return nil
      }
    }
  }

  /// k6's `error_code` in a message written as `k6 error_code 1211: …`.
  package static func k6ErrorCode(in text: String) -> Int? {
    let needle = "error_code "
    guard let offset = offset(of: needle, in: text) else { return nil }
    let end = text.utf8.index(text.utf8.startIndex, offsetBy: offset + needle.utf8.count)
    return Int(text[end...].prefix { $0.isNumber })
  }

  /// k6 error codes (docs "Error codes"): 1050 request timeout, 11xx DNS, 12xx TCP (1211 dial
  /// timeout, 1212 refused, 1201/1220 reset), 13xx TLS, 1000 + HTTP status for 4xx/5xx.
  package static func category(k6ErrorCode code: Int) -> ErrorCategory? {
    switch code {
    case 1050, 1211: .timeout
    case 1100...1199: .dns
    case 1212: .connectionRefused
    case 1200...1299: .connectionReset
    case 1300...1399: .tls
    case 1400...1499: .http4xx
    case 1500...1599: .http5xx
    case 1000...1099: .other
    default: nil
    }
  }
}
