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

  /// The answer's bytes; `shown` names the URL (masked) in errors.
  func get(_ url: String, authorization: String?, shown: String, client: HTTPClient)
    async throws(PrometheusError)
    -> [UInt8]
  {
    var reason = ""
    for attempt in 0..<attempts {
      if attempt > 0 {
        let delay = initialBackoffSeconds * Double(1 << min(attempt - 1, 16))
        try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
      }
      switch await once(url, authorization: authorization, shown: shown, client: client) {
      case .answer(let bytes): return bytes
      case .failure(let error): throw error
      case .retry(let why): reason = why
      }
    }
    throw .unreachable(url: shown, attempts: attempts, reason: reason)
  }

  /// One GET: an answer, a failure worth retrying (with why), or one that is not.
  func once(_ url: String, authorization: String?, shown: String, client: HTTPClient) async -> Attempt {
    var request = HTTPClientRequest(url: url)
    request.method = .GET
    request.headers.add(name: "Accept", value: "application/json")
    if let authorization { request.headers.add(name: "Authorization", value: authorization) }
    let response: HTTPClientResponse
    do {
      response = try await client.execute(request, timeout: .milliseconds(Int64(timeoutSeconds * 1000)))
    } catch {
      return .retry(Self.describe(error, timeout: timeoutSeconds))
    }
    if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > maximumBytes {
      return .failure(.responseTooLarge(url: shown, limit: maximumBytes))
    }
    let body: ByteBuffer
    do {
      body = try await response.body.collect(upTo: maximumBytes)
    } catch is NIOTooManyBytesError {
      return .failure(.responseTooLarge(url: shown, limit: maximumBytes))
    } catch {
      return .retry(Self.describe(error, timeout: timeoutSeconds))
    }
    let bytes = Array(body.readableBytesView)
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
