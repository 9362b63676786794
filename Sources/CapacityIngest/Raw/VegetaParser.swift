import CapacityModel

/// Reads `vegeta encode --to csv`: no header, `timestamp(ns),code,latency(ns),bytes_out,bytes_in,
/// error,body,attack,seq,method,url,headers` (9 columns before v12.8.0, without method and url).
/// Success is 200 ≤ code < 400, as `vegeta report` counts it; code 0 means no response.
package struct VegetaParser: Sendable {
  package func parse(
    _ bytes: UnsafeRawBufferPointer, start: Int, limit: Int, into accumulator: inout RequestAccumulator,
    progress: ProgressCounter?
  ) -> Int {
    guard let raw = bytes.baseAddress, start < limit else { return max(start, min(limit, bytes.count)) }
    let base = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
    var scanner = CSVFieldScanner(end: base + bytes.count, delimiter: UInt8(ascii: ","))
    scanner.rowsStartWithEpoch = true
    var position = base + start
    let stop = base + limit
    var ticker = ProgressTicker(progress, base: base, from: position)
    var fields = [ByteField](repeating: .empty, count: 12)
    while position < stop {
      let recordStart = position
      var count = 0
      while true {
        let (field, last) = scanner.next(&position)
        if count < 12 { fields[count] = field }
        count += 1
        if last { break }
      }
      if count == 1, fields[0].isEmpty { continue }
      guard count >= 9, let nanos = fields[0].int, let code = fields[1].int, let latency = fields[2].int
      else {
        accumulator.warn(offset: recordStart - base, "malformed vegeta row skipped (\(count) field(s))")
        continue
      }
      let startMs = nanos / 1_000_000
      let failed = code < 200 || code >= 400
      let label = accumulator.label(count >= 11 && !fields[10].isEmpty ? fields[10] : fields[7])
      let method = count >= 10 && !fields[9].isEmpty ? accumulator.methods.id(fields[9]) : -1
      let counted = accumulator.record(
        label: label, method: method, startMs: startMs, latencyMs: Double(latency) / 1_000_000,
        failed: failed, users: -1, offset: recordStart - base, status: StatusClass.of(code: code))
      if failed, counted {
        let error = fields[5].string
        let message =
          code == 0
          ? (error.isEmpty ? "status 0: no response" : error)
          : "HTTP \(code)" + (error.isEmpty || error.hasPrefix("\(code) ") ? "" : ": \(error)")
        accumulator.recordError(label: label, message: message, atMs: startMs)
      }
      ticker.advance(to: position)
    }
    ticker.finish(at: position)
    return position - base
  }
}
