import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads k6 `--out json` (NDJSON): `Point` lines of `http_req_duration` are the requests, `vus`
/// points the active users; `Metric` lines and other metrics are skipped after one search.
/// Times are RFC 3339 with the local offset. Keys are found by byte search within the line, so
/// their order does not matter.
package struct K6JSONParser: Sendable {
  package func parse(
    _ bytes: UnsafeRawBufferPointer, start: Int, limit: Int, into accumulator: inout RequestAccumulator,
    progress: ProgressCounter?
  ) -> Int {
    guard let raw = bytes.baseAddress, start < limit else { return max(start, min(limit, bytes.count)) }
    let base = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
    let end = base + bytes.count
    var position = base + start
    let stop = base + limit
    var ticker = ProgressTicker(progress, base: base, from: position)
    while position < stop {
      let lineStart = position
      let lineEnd =
        memchr(position, Int32(ByteScanning.newline), end - position).map {
          UnsafePointer($0.assumingMemoryBound(to: UInt8.self))
        } ?? end
      position = lineEnd < end ? lineEnd + 1 : end
      handle(lineStart, lineEnd, offset: lineStart - base, into: &accumulator)
      ticker.advance(to: position)
    }
    ticker.finish(at: position)
    return position - base
  }

  private func handle(
    _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, offset: Int,
    into accumulator: inout RequestAccumulator
  ) {
    guard let metric = Self.string("\"metric\"", start, end) else { return }
    let isDuration = metric.equals("http_req_duration")
    let timing = isDuration ? nil : K6Timing.phase(of: metric)
    guard isDuration || timing != nil || metric.equals("vus"),
      Self.string("\"type\"", start, end)?.equals("Point") == true
    else {
      return
    }
    guard let time = Self.string("\"time\"", start, end),
      let nanos = ByteScanning.parseDateTime(time.start, time.count),
      let value = Self.number("\"value\"", start, end)
    else {
      accumulator.warn(offset: offset, "malformed k6 JSON point skipped: needs data.time and data.value")
      return
    }
    let startMs = nanos >= 0 ? nanos / 1_000_000 : (nanos - 999_999) / 1_000_000
    if let timing {
      accumulator.recordTiming(timing, startMs: startMs, milliseconds: value)
      return
    }
    if !isDuration {
      accumulator.noteUsers(second: RequestAccumulator.second(ofMs: startMs), Int32(saturating: value))
      return
    }
    let name = Self.string("\"name\"", start, end) ?? Self.string("\"url\"", start, end) ?? .empty
    let method = Self.string("\"method\"", start, end)
    let expected = Self.string("\"expected_response\"", start, end)
    let statusField = Self.string("\"status\"", start, end)
    let status = statusField?.int
    let error = Self.string("\"error\"", start, end)
    let failed =
      expected.map { $0.equals("false") }
      ?? ((error.map { !$0.isEmpty } ?? false) || status.map { $0 == 0 || $0 >= 400 } ?? false)
    let label = accumulator.label(name)
    let methodID = method.map { accumulator.methods.id($0) } ?? -1
    let counted = accumulator.record(
      label: label, method: methodID, startMs: startMs, latencyMs: value, failed: failed, users: -1,
      offset: offset, status: statusField.map(StatusClassifier.classify))
    if failed, counted {
      accumulator.recordError(
        label: label,
        message: K6Failure.message(
          errorCode: Self.string("\"error_code\"", start, end).map(Self.text) ?? "",
          error: error.map(Self.text) ?? "", status: status),
        atMs: startMs)
    }
  }

  @inline(__always)
  private static func find(_ needle: StaticString, _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
    -> UnsafePointer<UInt8>?
  {
    let length = needle.utf8CodeUnitCount
    var cursor = start
    // Keys start with a quote; look from the second byte, which is rarer.
    let second = Int32(needle.utf8Start[1])
    while end - cursor >= length {
      guard let hit = memchr(cursor + 1, second, end - cursor - length + 1) else { return nil }
      let candidate = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - 1
      if memcmp(candidate, needle.utf8Start, length) == 0 { return candidate + length }
      cursor = candidate + 1
    }
    return nil
  }

  /// Where the value of `key` (a quoted name) starts: past the colon and any spaces around it,
  /// as `"metric": "vus"` (jq, Python's json) and `"metric":"vus"` (k6) both write.
  private static func value(_ key: StaticString, _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
    -> UnsafePointer<UInt8>?
  {
    var cursor = start
    while let after = find(key, cursor, end) {
      var position = after
      while position < end, position.pointee == 0x20 || position.pointee == 0x09 { position += 1 }
      if position < end, position.pointee == UInt8(ascii: ":") {
        position += 1
        while position < end, position.pointee == 0x20 || position.pointee == 0x09 { position += 1 }
        return position
      }
      cursor = after
    }
    return nil
  }

  /// The JSON string value of `key` (escapes still in place; `hasEscapedQuotes` marks them).
  private static func string(_ key: StaticString, _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
    -> ByteField?
  {
    guard let quote = value(key, start, end), quote < end, quote.pointee == ByteScanning.quote else {
      return nil
    }
    let open = quote + 1
    var cursor = open
    var escaped = false
    while cursor < end, cursor.pointee != ByteScanning.quote {
      if cursor.pointee == UInt8(ascii: "\\") {
        escaped = true
        cursor += 1
      }
      cursor += 1
    }
    return ByteField(start: open, count: min(cursor, end) - open, hasEscapedQuotes: escaped)
  }

  private static func number(_ key: StaticString, _ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
    -> Double?
  {
    guard let open = value(key, start, end) else { return nil }
    var cursor = open
    while cursor < end, cursor.pointee != UInt8(ascii: ","), cursor.pointee != UInt8(ascii: "}"),
      cursor.pointee != 0x20
    {
      cursor += 1
    }
    return ByteScanning.parseDouble(open, cursor - open)
  }

  /// Decodes a JSON string's escapes (only when it has any).
  private static func text(_ field: ByteField) -> String {
    guard field.hasEscapedQuotes else { return field.string }
    let quoted =
      "\"" + String(decoding: UnsafeBufferPointer(start: field.start, count: field.count), as: UTF8.self)
      + "\""
    return (try? JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String)
      ?? field.string
  }
}
