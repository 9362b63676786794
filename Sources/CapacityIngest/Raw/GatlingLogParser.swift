/// Reads Gatling's text `simulation.log` (2.0 to 3.12.0): tab-separated `REQUEST` records
/// (response time = end − start, `OK`/`KO`, message) and `USER` start/end events for the active
/// users. The record layouts differ by version:
///
/// - 2.0–2.1: `scenario userId REQUEST groups name requestStart requestEnd responseStart
///   responseEnd status message extraInfo…` (the record type is the third field);
/// - 2.2–2.3: `REQUEST scenario userId groups name start end status [message extraInfo…]`;
/// - 3.0–3.3: `REQUEST userId groups name start end status message`; 3.4+: without the user id.
///
/// The status (`OK`/`KO` after two timestamps) is looked up in the record, and the name, groups
/// and times are read relative to it, so every layout reads. Gatling 1.x logs (`ACTION` records)
/// are counted in `Outcome.legacyRecords` for the caller to refuse.
package struct GatlingLogParser {
  package struct Outcome {
    package var version: String?
    /// Gatling 1.x `ACTION` records met.
    package var legacyRecords = 0
  }

  package func parse(
    _ bytes: UnsafeRawBufferPointer, into accumulator: inout RequestAccumulator, progress: ProgressCounter
  ) -> Outcome {
    var outcome = Outcome()
    guard let raw = bytes.baseAddress else { return outcome }
    let base = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
    let end = base + bytes.count
    var position = base
    var ticker = ProgressTicker(progress, base: base, from: position)
    var fields = [ByteField](repeating: .empty, count: 24)
    var userDeltas: [Int64: Int32] = [:]
    while position < end {
      let recordStart = position
      let count = Self.splitRecord(&position, end: end, into: &fields)
      guard count > 0 else { continue }
      // 2.0–2.1 put the scenario and user id before the record type.
      let typeIndex = count >= 3 && !Self.isRecordType(fields[0]) && Self.isRecordType(fields[2]) ? 2 : 0
      let kind = fields[typeIndex]
      if kind.equals("REQUEST") {
        request(fields, count: count, typeIndex: typeIndex, offset: recordStart - base, into: &accumulator)
      } else if kind.equals("USER"), let change = Self.userChange(fields, count: count, typeIndex: typeIndex)
      {
        userDeltas[change.second, default: 0] += change.delta
      } else if kind.equals("RUN"), count >= 2 {
        outcome.version = fields[count - 1].string
      } else if kind.equals("ACTION") {
        outcome.legacyRecords += 1
      }
      ticker.advance(to: position)
    }
    ticker.finish(at: position)
    // Only the seconds where the count changes: the timeline carries it forward, and a log with
    // sessions days apart must not cost a slot per second in between.
    var active: Int32 = 0
    for second in userDeltas.keys.sorted() {
      active += userDeltas[second]!
      accumulator.noteUsers(second: second, max(0, active))
    }
    return outcome
  }

  /// Splits the record at `position` on tabs into `fields` (at most its count) and moves past its
  /// line break; returns how many fields were kept. Gatling replaces tabs and line breaks in
  /// messages and never quotes, so tabs alone separate fields.
  private static func splitRecord(
    _ position: inout UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, into fields: inout [ByteField]
  ) -> Int {
    var count = 0
    while position < end, position.pointee != ByteScanning.newline {
      let fieldStart = position
      while position < end, position.pointee != UInt8(ascii: "\t"), position.pointee != ByteScanning.newline {
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
    return min(count, fields.count)
  }

  /// A USER record's second and change of active users (+1 at START, -1 at END).
  private static func userChange(_ fields: [ByteField], count: Int, typeIndex: Int) -> (
    second: Int64, delta: Int32
  )? {
    guard count >= typeIndex + 4,
      let startIndex = ((typeIndex + 1)..<count).first(where: {
        fields[$0].equals("START") || fields[$0].equals("END")
      })
    else { return nil }
    let isStart = fields[startIndex].equals("START")
    let timeField = isStart ? fields[min(startIndex + 1, count - 1)] : fields[count - 1]
    guard let ms = timeField.int else { return nil }
    return (RequestAccumulator.second(ofMs: ms), isStart ? 1 : -1)
  }

  private static func isRecordType(_ field: ByteField) -> Bool {
    field.equals("REQUEST") || field.equals("USER") || field.equals("RUN") || field.equals("GROUP")
      || field.equals("ERROR") || field.equals("ASSERTION")
  }

  /// A `REQUEST` record: the status is the first `OK`/`KO` preceded by two timestamps; the name
  /// and groups come before them. In 2.0–2.1 the four timestamps are request start/end and
  /// response start/end: the response time runs from the first to the last.
  private func request(
    _ fields: [ByteField], count: Int, typeIndex: Int, offset: Int, into accumulator: inout RequestAccumulator
  ) {
    let timestamps = typeIndex == 2 ? 4 : 2
    let first = typeIndex + timestamps + 2
    guard count > first,
      let status = (first..<count).first(where: { index in
        (fields[index].equals("OK") || fields[index].equals("KO"))
          && ((index - timestamps)..<index).allSatisfy { fields[$0].int != nil }
      }),
      let startMs = fields[status - timestamps].int, let endMs = fields[status - 1].int,
      case (let latency, false) = endMs.subtractingReportingOverflow(startMs)
    else {
      accumulator.warn(
        offset: offset,
        "malformed REQUEST record skipped: no OK/KO status after \(timestamps) timestamps "
          + "(\(count) tab-separated fields)")
      return
    }
    let failed = fields[status].equals("KO")
    let name = fields[status - timestamps - 1]
    let groupIndex = status - timestamps - 2
    let groups = groupIndex > typeIndex ? fields[groupIndex] : ByteField.empty
    let id =
      groups.isEmpty || groups.equals(" ")
      ? accumulator.label(name) : accumulator.label(named: groups.string + " / " + name.string)
    let counted = accumulator.record(
      label: id, startMs: startMs, latencyMs: Double(latency), failed: failed, users: -1, offset: offset,
      status: failed ? .koWithoutCode : .okWithoutCode)
    if failed, counted {
      let message = status + 1 < count ? fields[status + 1].string : ""
      accumulator.recordError(
        label: id, message: message.allSatisfy { $0 == " " } ? "KO" : message, atMs: startMs)
    }
  }
}
