/// Reads Gatling's text `simulation.log` (up to 3.12): tab-separated `REQUEST` records (response
/// time = end − start, `OK`/`KO`, message) and `USER` start/end events for the active users.
/// Fields are taken from the end of the record, so the ≤ 3.3 layout with a user id also reads.
struct GatlingLogParser {
  func parse(
    _ bytes: UnsafeRawBufferPointer, into accumulator: inout RequestAccumulator, progress: ProgressCounter
  ) -> String? {
    guard let raw = bytes.baseAddress else { return nil }
    let base = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
    let end = base + bytes.count
    var position = base
    var ticker = ProgressTicker(progress, base: base, from: position)
    var fields = [ByteField](repeating: .empty, count: 12)
    var userDeltas: [Int64: Int32] = [:]
    var version: String?
    while position < end {
      let recordStart = position
      var count = 0
      // Gatling replaces tabs and line breaks in messages, and never quotes: split on tabs only.
      while position < end, position.pointee != ByteScanning.newline {
        let fieldStart = position
        while position < end, position.pointee != UInt8(ascii: "\t"), position.pointee != ByteScanning.newline
        {
          position += 1
        }
        var length = position - fieldStart
        if length > 0, fieldStart[length - 1] == ByteScanning.carriageReturn { length -= 1 }
        if count < fields.count { fields[count] = ByteField(start: fieldStart, count: length) }
        count += 1
        if position < end, position.pointee == UInt8(ascii: "\t") {
          position += 1
          if position == end || position.pointee == ByteScanning.newline {
            if count < fields.count { fields[count] = .empty }
            count += 1
          }
        }
      }
      if position < end { position += 1 }
      guard count > 0, count <= fields.count else { continue }
      let kind = fields[0]
      if kind.equals("REQUEST"), count >= 7 {
        guard let startMs = fields[count - 4].int, let endMs = fields[count - 3].int,
          case (let latency, false) = endMs.subtractingReportingOverflow(startMs)
        else {
          accumulator.warn(offset: recordStart - base, "malformed REQUEST record skipped")
          continue
        }
        let failed = !fields[count - 2].equals("OK")
        let groups = fields[count - 6]
        let name = fields[count - 5]
        let id =
          groups.isEmpty || groups.equals(" ")
          ? accumulator.label(name) : accumulator.label(named: groups.string + " / " + name.string)
        let counted = accumulator.record(
          label: id, startMs: startMs, latencyMs: Double(latency), failed: failed, users: -1,
          offset: recordStart - base)
        if failed, counted {
          let message = fields[count - 1].string
          accumulator.recordError(
            label: id, message: message.allSatisfy { $0 == " " } ? "KO" : message, atMs: startMs)
        }
      } else if kind.equals("USER"), count >= 4 {
        guard
          let startIndex = (1..<count).first(where: { fields[$0].equals("START") || fields[$0].equals("END") }
          )
        else { continue }
        let isStart = fields[startIndex].equals("START")
        let timeField = isStart ? fields[min(startIndex + 1, count - 1)] : fields[count - 1]
        guard let ms = timeField.int, accumulator.span.contains(ms) else { continue }
        userDeltas[ms / 1000, default: 0] += isStart ? 1 : -1
      } else if kind.equals("RUN"), count >= 2 {
        version = fields[count - 1].string
      }
      ticker.advance(to: position)
    }
    ticker.finish(at: position)
    // Seconds without a user count carry the previous one, so the changes are enough; only
    // those within the requests' seconds are noted (user events alone never stretch the table).
    guard !accumulator.seconds.isEmpty, !userDeltas.isEmpty else { return version }
    let (first, last) = (accumulator.seconds.base, accumulator.seconds.lastSecond)
    var active: Int32 = 0
    var changes: [(second: Int64, users: Int32)] = [(first, 0)]
    for second in userDeltas.keys.sorted() {
      active &+= userDeltas[second]!
      guard second <= last else { break }
      if second <= first {
        changes[0].users = max(0, active)
      } else {
        changes.append((second, max(0, active)))
      }
    }
    for change in changes { accumulator.noteUsers(atMs: change.second * 1000, change.users) }
    return version
  }
}
