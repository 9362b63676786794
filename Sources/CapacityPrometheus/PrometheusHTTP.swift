import AsyncHTTPClient
import CapacityModel
import Foundation
import NIOCore
import NIOHTTP1

/// GETs Prometheus API URLs with a deadline per attempt, bounded retries with exponential backoff
/// (for connection failures, timeouts, 429 and 5xx), and a bound on the answer's size: bytes past
/// `maximumBytes` are refused, never buffered.
public struct PrometheusHTTP: Sendable {
  /// Seconds one attempt may take, connecting included.
  public var timeoutSeconds: Double
  /// Attempts per request, the first included.
  public var attempts: Int
  /// Seconds before the first retry; doubled for each one after.
  public var initialBackoffSeconds: Double
  /// The largest answer read (64 MiB: 11 000 points of ~200 series).
  public var maximumBytes: Int

  public static let defaultMaximumBytes = 64 << 20

  public init(
    timeoutSeconds: Double = 30, attempts: Int = 3, initialBackoffSeconds: Double = 0.5,
    maximumBytes: Int = defaultMaximumBytes
  ) {
    self.timeoutSeconds = timeoutSeconds
    self.attempts = max(1, attempts)
    self.initialBackoffSeconds = initialBackoffSeconds
    self.maximumBytes = maximumBytes
  }

  /// What one attempt came to.
  enum Attempt {
    case answer([UInt8])
    case retry(String)
    case failure(PrometheusError)
  }

  /// The answer's bytes; `shown` names the URL (masked) in errors. Synchronous: the calling thread
  /// waits on async-http-client's event loop futures, which never need Swift's concurrency pool
  /// (see `PrometheusFetcher.fetch`).
  func get(_ url: String, authorization: String?, shown: String, client: HTTPClient) throws(PrometheusError)
    -> [UInt8]
  {
    var reason = ""
    for attempt in 0..<attempts {
      if attempt > 0 {
        Thread.sleep(forTimeInterval: initialBackoffSeconds * Double(1 << min(attempt - 1, 16)))
      }
      switch once(url, authorization: authorization, shown: shown, client: client) {
      case .answer(let bytes): return bytes
      case .failure(let error): throw error
      case .retry(let why): reason = why
      }
    }
    throw .unreachable(url: shown, attempts: attempts, reason: reason)
  }

  /// One GET: an answer, a failure worth retrying (with why), or one that is not. The accumulator
  /// refuses a body (or a Content-Length) past `maximumBytes` as it arrives.
  func once(_ url: String, authorization: String?, shown: String, client: HTTPClient) -> Attempt {
    var headers = HTTPHeaders([("Accept", "application/json")])
    if let authorization { headers.add(name: "Authorization", value: authorization) }
    let request: HTTPClient.Request
    do {
      request = try HTTPClient.Request(url: url, method: .GET, headers: headers)
    } catch {
      return .failure(.invalidURL(shown, reason: String(describing: error)))
    }
    let accumulator = ResponseAccumulator(request: request, maxBodySize: maximumBytes)
    let deadline = NIODeadline.now() + .milliseconds(Int64(timeoutSeconds * 1000))
    let response: HTTPClient.Response
    do {
      response = try client.execute(request: request, delegate: accumulator, deadline: deadline).futureResult
        .wait()
    } catch is ResponseAccumulator.ResponseTooBigError {
      return .failure(.responseTooLarge(url: shown, limit: maximumBytes))
    } catch {
      return .retry(Self.describe(error, timeout: timeoutSeconds))
    }
    let bytes = response.body.map { Array($0.readableBytesView) } ?? []
    return Self.judge(status: Int(response.status.code), bytes: bytes, shown: shown)
  }

  /// A status and body as an attempt: 200 is the answer; 429 and 5xx are retried; 400 and 422 are
  /// Prometheus refusing the query (its JSON error is the message); anything else is a failure.
  static func judge(status: Int, bytes: [UInt8], shown: String) -> Attempt {
    let detail = errorDetail(bytes)
    switch status {
    case 200: return .answer(bytes)
    case 429, 500...599: return .retry("HTTP \(status)" + (detail.isEmpty ? "" : ": \(detail)"))
    case 300...399:
      return .failure(
        .httpStatus(url: shown, status: status, detail: "a redirect, not followed: pass the URL it points to")
      )
    case 404:
      return .failure(
        .httpStatus(
          url: shown, status: status, detail: "no /api/v1/query_range here: is it a Prometheus URL?"))
    default: return .failure(.httpStatus(url: shown, status: status, detail: detail))
    }
  }

  /// Prometheus's `errorType: error` from an error body, else its first 200 characters.
  static func errorDetail(_ bytes: [UInt8]) -> String {
    if let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
      let message = object["error"] as? String
    {
      return ((object["errorType"] as? String).map { "\($0): " } ?? "") + message
    }
    let text = String(decoding: bytes.prefix(200), as: UTF8.self).trimmingCharacters(
      in: .whitespacesAndNewlines)
    return text.unicodeScalars.map { $0.properties.isWhitespace ? " " : String($0) }.joined()
  }

  static func describe(_ error: any Error, timeout: Double) -> String {
    if let client = error as? HTTPClientError,
      client == .deadlineExceeded || client == .readTimeout
        || client == .connectTimeout
    {
      return "no answer within \(NumberFormat.decimal(timeout, places: 1) + " s")"
    }
    return String(describing: error)
  }
}
