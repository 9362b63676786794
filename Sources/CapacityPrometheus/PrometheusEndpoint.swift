import Foundation

/// A Prometheus server's base URL as the user gave it (`http://user:pass@host:9090/prefix`): the
/// address requests go to, the `Authorization` header its user info stands for, and the masked
/// form every message and stored provenance shows.
public struct PrometheusEndpoint: Sendable, Equatable {
  /// Scheme, host, port and path prefix, without user info; ends without `/`.
  public let base: String
  /// Query items of the base URL (an API key a proxy wants), sent with every request.
  public let baseQuery: [URLQueryItem]
  /// `Basic …` from the URL's user info, if any.
  public let authorization: String?
  /// The URL with the password and every query value replaced by `***`.
  public let masked: String

  public init(_ text: String) throws(PrometheusError) {
    guard var components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
      ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty
    else {
      throw .invalidURL(Self.mask(text), reason: "expected http://host:port or https://host:port")
    }
    guard components.fragment == nil else {
      throw .invalidURL(Self.mask(text), reason: "a URL fragment is not allowed")
    }
    if let user = components.user {
      let pair = user.removingPercentEncoding.map { $0 } ?? user
      let password = components.password?.removingPercentEncoding ?? components.password ?? ""
      authorization = "Basic " + Data("\(pair):\(password)".utf8).base64EncodedString()
    } else {
      authorization = nil
    }
    baseQuery = components.queryItems ?? []
    masked = Self.mask(text)
    components.user = nil
    components.password = nil
    components.query = nil
    components.scheme = scheme
    var path = components.percentEncodedPath
    while path.hasSuffix("/") { path.removeLast() }
    components.percentEncodedPath = path
    guard let string = components.string else { throw .invalidURL(masked, reason: "not a valid URL") }
    base = string
  }

  /// `text` with a user info password and query values replaced by `***`; text that is not a URL
  /// has everything before an `@` masked.
  public static func mask(_ text: String) -> String {
    guard var components = URLComponents(string: text), components.host != nil else {
      guard let at = text.lastIndex(of: "@") else { return text }
      return "***" + text[at...]
    }
    if components.password != nil { components.password = "***" }
    if let items = components.queryItems, !items.isEmpty {
      components.percentEncodedQuery = items.map { "\($0.name)=***" }.joined(separator: "&")
    }
    return components.string ?? "***"
  }

  /// The `query_range` URL for `expression` over `window`; `masked` gives the one to show.
  public func queryRangeURL(_ expression: String, window: QueryWindow, masked: Bool = false) -> String {
    let own = baseQuery.map { "\(Self.encode($0.name))=\(masked ? "***" : Self.encode($0.value ?? ""))" }
    let items = [
      ("query", expression), ("start", String(window.start)), ("end", String(window.end)),
      ("step", "\(window.stepSeconds)s"),
    ].map { "\($0.0)=\(Self.encode($0.1))" }
    return "\(masked ? shown : base)/api/v1/query_range?" + (own + items).joined(separator: "&")
  }

  /// Everything but RFC 3986's unreserved characters percent-encoded: PromQL's `+` must not
  /// arrive as a space, nor `;` be taken as a separator.
  static func encode(_ text: String) -> String {
    let unreserved = CharacterSet(
      charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
  }

  /// The masked base, for messages: `masked` without its query.
  public var shown: String {
    guard var components = URLComponents(string: masked) else { return masked }
    components.query = nil
    var text = components.string ?? masked
    while text.hasSuffix("/") { text.removeLast() }
    return text
  }
}
