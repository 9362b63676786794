import Foundation

/// Reads k6 `--out csv`: `http_req_duration` rows are the requests (the label is the `name`
/// tag, the failure flag `expected_response`, or the status and error when that tag is absent,
/// as in v0.26), and `vus` rows give the active users per second. Other metrics are skipped
/// after one comparison. Timestamps may be Unix seconds (whole or fractional), ms, µs, ns or
/// RFC 3339.
package struct K6CSVParser: Sendable {
  package enum Role: UInt8, Sendable {
    case ignored, metric, timestamp, value, error, errorCode, expectedResponse, method, name, status, url
  }

  package let roles: [Role]
  /// Whether the header has a `status` column (the status codes over time need one).
  private let hasStatus: Bool

  package init(header: String) throws(IngestError) {
    roles = header.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { column in
      switch Self.unpadded(column) {
      case "metric_name": .metric
      case "timestamp": .timestamp
      case "metric_value": .value
      case "error": .error
      case "error_code": .errorCode
      case "expected_response": .expectedResponse
      case "method": .method
      case "name": .name
      case "status": .status
      case "url": .url
      default: .ignored
      }
    }
    hasStatus = roles.contains(.status)
  }

  /// A header column without surrounding quotes, spaces and CR: bytes, not Foundation's
  /// `trimmingCharacters`, which made a header of a few thousand columns take seconds (fuzz timeout).
  private static func unpadded(_ column: Substring.UTF8View) -> String {
    let padding: (UInt8) -> Bool = { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: " ") || $0 == 0x0D }
    guard let first = column.firstIndex(where: { !padding($0) }),
      let last = column.lastIndex(where: { !padding($0) })
    else { return "" }
    return String(decoding: column[first...last], as: UTF8.self)
  }

  package var missingRequired: [String] {
    [(Role.metric, "metric_name"), (.timestamp, "timestamp"), (.value, "metric_value")]
      .filter { !roles.contains($0.0) }.map(\.1)
  }

  private struct Row {
    var metric = ByteField.empty
    var timestamp = ByteField.empty
    var value = ByteField.empty
    var error = ByteField.empty
    var errorCode = ByteField.empty
    var expectedResponse = ByteField.empty
    var method = ByteField.empty
    var name = ByteField.empty
    var status = ByteField.empty
    var url = ByteField.empty
  }

  package func parse(
    _ bytes: UnsafeRawBufferPointer, start: Int, limit: Int, into accumulator: inout RequestAccumulator,
    progress: ProgressCounter?
  ) -> Int {
    guard let raw = bytes.baseAddress, start < limit else { return max(start, min(limit, bytes.count)) }
    let base = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
    let scanner = CSVFieldScanner(end: base + bytes.count, delimiter: UInt8(ascii: ","))
    var position = base + start
    let stop = base + limit
    var ticker = ProgressTicker(progress, base: base, from: position)
    // metric_name is first in every k6 version: decide on it before reading the rest.
    let metricFirst = roles.first == .metric
    return roles.withUnsafeBufferPointer { roles in
      while position < stop {
        let recordStart = position
        var row = Row()
        var index = 0
        var wanted = true
        while true {
          let (field, last) = scanner.next(&position)
          if index < roles.count {
            switch roles[index] {
            case .ignored: break
            case .metric:
              row.metric = field
              if metricFirst, !field.equals("http_req_duration"), !field.equals("vus"),
                K6Timing.phase(of: field) == nil
              {
                wanted = false
              }
            case .timestamp: row.timestamp = field
            case .value: row.value = field
            case .error: row.error = field
            case .errorCode: row.errorCode = field
            case .expectedResponse: row.expectedResponse = field
            case .method: row.method = field
            case .name: row.name = field
            case .status: row.status = field
            case .url: row.url = field
            }
          }
          index += 1
          if last { break }
          if !wanted {
            scanner.skipRecord(&position)
            break
          }
        }
        if wanted { handle(row, offset: recordStart - base, into: &accumulator) }
        ticker.advance(to: position)
      }
      ticker.finish(at: position)
      return position - base
    }
  }

  @inline(__always)
  private func handle(_ row: Row, offset: Int, into accumulator: inout RequestAccumulator) {
    let isDuration = row.metric.equals("http_req_duration")
    let timing = isDuration ? nil : K6Timing.phase(of: row.metric)
    guard isDuration || timing != nil || row.metric.equals("vus") else { return }
    guard let startMs = Self.milliseconds(row.timestamp), let value = row.value.double else {
      accumulator.warn(
        offset: offset,
        "malformed k6 row skipped: timestamp '\(row.timestamp.string.prefix(40))', "
          + "metric_value '\(row.value.string.prefix(20))'")
      return
    }
    if let timing {
      accumulator.recordTiming(timing, startMs: startMs, milliseconds: value)
      return
    }
    if !isDuration {
      accumulator.noteUsers(second: RequestAccumulator.second(ofMs: startMs), Int32(saturating: value))
      return
    }
    let status = row.status.int
    let failed: Bool
    if !row.expectedResponse.isEmpty {
      failed = row.expectedResponse.equals("false")
    } else {
      failed = !row.error.isEmpty || status.map { $0 == 0 || $0 >= 400 } ?? false
    }
    let label = accumulator.label(row.name.isEmpty ? row.url : row.name)
    let method = row.method.isEmpty ? Int32(-1) : accumulator.methods.id(row.method)
    let counted = accumulator.record(
      label: label, method: method, startMs: startMs, latencyMs: value, failed: failed, users: -1,
      offset: offset, status: hasStatus ? StatusClassifier.classify(row.status) : nil)
    if failed, counted {
      accumulator.recordError(
        label: label,
        message: K6Failure.message(
          errorCode: row.errorCode.string, error: row.error.string, status: status),
        atMs: startMs)
    }
  }

  /// Unix ms from any of k6's `timeFormat`s.
  @inline(__always)
  package static func milliseconds(_ field: ByteField) -> Int64? {
    if let integer = field.int {
      switch field.count {
      case ...11: return integer * 1000
      case 12...14: return integer
      case 15...17: return integer / 1000
      default: return integer / 1_000_000
      }
    }
    if field.count >= 19, field[4] == UInt8(ascii: "-") {
      return ByteScanning.parseDateTime(field.start, field.count).map { $0 / 1_000_000 }
    }
    return field.double.flatMap { Int64(exactly: ($0 * 1000).rounded(.down)) }
  }
}

/// The failure message of a failed k6 request, as the error taxonomy reads it.
package enum K6Failure {
  package static func message(errorCode: String, error: String, status: Int64?) -> String {
    if !errorCode.isEmpty {
      return "k6 error_code \(errorCode)" + (error.isEmpty ? "" : ": \(error)")
    }
    if let status, status >= 400 { return "HTTP \(status)" + (error.isEmpty ? "" : ": \(error)") }
    if !error.isEmpty { return error }
    if let status { return "unexpected response: status \(status)" }
    return "failed request"
  }
}
