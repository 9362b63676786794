/// Reads a JMeter CSV JTL byte by byte: quoted fields (delimiters, doubled quotes and newlines
/// inside), any delimiter, epoch-ms or formatted timestamps, columns mapped by header name.
///
/// Transaction Controller parents (`Number of samples in transaction : …`) are counted as
/// transactions, not requests; sub-results (`label-0`, `label-1` rows right after their parent,
/// same thread) are set aside, not counted.
package struct JTLCSVParser: Sendable {
  package let layout: JTLCSVLayout
  /// Index of the label column.
  private let labelColumn: Int
  /// Whether the layout has a `responseCode` column (the status codes over time need one).
  private let hasResponseCode: Bool

  package init(layout: JTLCSVLayout) {
    self.layout = layout
    labelColumn = layout.roles.firstIndex(of: .label) ?? 2
    hasResponseCode = layout.roles.contains(.responseCode)
  }

  /// One record's fields by role. They are kept in a slot per role, indexed by the role's raw
  /// value: a `switch` over the role per field compiled to an indirect jump per field, the
  /// parse loop's hottest instruction.
  private struct Row {
    /// A slot for each `JTLCSVLayout.Role` (a role added there needs one more here).
    private var slots = InlineArray<13, ByteField>(repeating: .empty)
    var fields = 0
    var unterminated = false

    /// The field of `role` (the empty field when the record has none).
    @inline(__always)
    subscript(role: JTLCSVLayout.Role) -> ByteField { slots[Int(role.rawValue)] }

    /// Keeps `field` as `role`'s (an ignored column's slot is never read).
    @inline(__always)
    mutating func set(_ field: ByteField, as role: JTLCSVLayout.Role) {
      slots[Int(role.rawValue)] = field
    }
  }

  /// Parses the records that start in `start..<limit`; returns where the next record starts.
  package func parse(
    _ bytes: UnsafeRawBufferPointer, start: Int, limit: Int, into accumulator: inout RequestAccumulator,
    progress: ProgressCounter?
  ) -> Int {
    guard let raw = bytes.baseAddress, start < limit else { return max(start, min(limit, bytes.count)) }
    let base = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
    let end = base + bytes.count
    var scanner = CSVFieldScanner(end: UnsafePointer(end), delimiter: layout.delimiter)
    scanner.rowsStartWithEpoch = true
    var position = UnsafePointer(base + start)
    var stops = CSVStopScanner(start: position, end: UnsafePointer(end), delimiter: layout.delimiter)
    let quoteFreeFirst = CSVStopScanner.supports(delimiter: layout.delimiter)
    let stop = base + limit
    var previousLabel = ByteField.empty
    var previousThread = ByteField.empty
    var ticker = ProgressTicker(progress, base: base, from: position)
    let lastNeeded = layout.roles.lastIndex { $0 != .ignored } ?? 0
    return layout.roles.withUnsafeBufferPointer { roles in
      // One row for all records: a record that reaches the last needed column sets every field
      // the handler reads, so only a shorter one (or one with a quote) starts from an empty row.
      var row = Row()
      while position < stop {
        let recordStart = position
        row.fields = 0
        row.unterminated = false
        if !quoteFreeFirst
          || !readQuoteFree(
            &position, into: &row, stops: &stops, scanner: scanner, roles: roles, lastNeeded: lastNeeded)
          || row.fields <= lastNeeded
        {
          position = recordStart
          row = Row()
          read(&position, into: &row, scanner: scanner, roles: roles, lastNeeded: lastNeeded)
        }
        if row.fields == 1, row[.timeStamp].isEmpty, row[.label].isEmpty { continue }  // blank line
        handle(
          &row, offset: recordStart - base, accumulator: &accumulator, previousLabel: &previousLabel,
          previousThread: &previousThread)
        ticker.advance(to: position)
      }
      ticker.finish(at: position)
      return position - base
    }
  }

  /// Reads one record field by field with the full quoting rules.
  @inline(__always)
  private func read(
    _ position: inout UnsafePointer<UInt8>, into row: inout Row, scanner: CSVFieldScanner,
    roles: UnsafeBufferPointer<JTLCSVLayout.Role>, lastNeeded: Int
  ) {
    // One record: fields until an unquoted line break or the end of the data.
    while true {
      let (field, last) = scanner.next(&position)
      if field.unterminated { row.unterminated = true }
      if row.fields < roles.count { row.set(field, as: roles[row.fields]) }
      row.fields += 1
      if last { return }
      if row.fields > lastNeeded {
        row.fields += 1
        if scanner.skipRecord(&position) { row.unterminated = true }
        return
      }
    }
  }

  /// Reads one record from the stop bitmasks, as `read` would, when no quote comes before its end;
  /// returns false at the first quote (`position` and `row` are then to be discarded).
  @inline(__always)
  private func readQuoteFree(
    _ position: inout UnsafePointer<UInt8>, into row: inout Row, stops: inout CSVStopScanner,
    scanner: CSVFieldScanner, roles: UnsafeBufferPointer<JTLCSVLayout.Role>, lastNeeded: Int
  ) -> Bool {
    let end = stops.end
    while true {
      let fieldEnd = stops.nextStop(from: position)
      let field = ByteField(start: position, count: fieldEnd - position)
      guard fieldEnd < end else {
        if row.fields < roles.count { row.set(field, as: roles[row.fields]) }
        row.fields += 1
        position = end
        return true
      }
      let byte = fieldEnd.pointee
      if byte == ByteScanning.quote { return false }
      if row.fields < roles.count { row.set(field, as: roles[row.fields]) }
      row.fields += 1
      position = fieldEnd + 1
      if byte != layout.delimiter {
        // A line feed, or a carriage return with or without one after it.
        if byte == ByteScanning.carriageReturn, position < end, position.pointee == ByteScanning.newline {
          position += 1
        }
        return true
      }
      if row.fields > lastNeeded {
        row.fields += 1
        if scanner.skipRecord(&position) { row.unterminated = true }
        return true
      }
    }
  }

  @inline(__always)
  private func handle(
    _ row: inout Row, offset: Int, accumulator: inout RequestAccumulator, previousLabel: inout ByteField,
    previousThread: inout ByteField
  ) {
    if row.unterminated {
      accumulator.warn(
        offset: offset,
        "a quoted field is not closed before the next row; the row ends at its line and reading goes on "
          + "with the next row")
    }
    // An empty label is a label (JMeter writes them for unnamed samplers and some errors); a row
    // too short to reach the label column is malformed.
    guard let startMs = row[.timeStamp].int ?? formattedMilliseconds(row[.timeStamp]),
      let elapsed = row[.elapsed].int, row.fields > labelColumn
    else {
      accumulator.warn(
        offset: offset,
        "malformed JTL row skipped: needs a timeStamp, an integer elapsed and a label column "
          + "(\(row.fields) field(s), timeStamp '\(row[.timeStamp].string.prefix(40))', "
          + "elapsed '\(row[.elapsed].string.prefix(20))')")
      return
    }
    if row[.responseMessage].hasPrefix("Number of samples in transaction") {
      accumulator.recordTransaction(
        row[.label], startMs: startMs, latencyMs: Double(elapsed), failed: !Self.succeeded(row[.success]),
        offset: offset)
      return
    }
    if isSubResult(row[.label], of: previousLabel), row[.threadName].equals(previousThread) {
      accumulator.setAside(.subResult)
      return
    }
    previousLabel = row[.label]
    previousThread = row[.threadName]
    let failed =
      layout.derivesSuccess
      ? !(row[.responseCode].count == 3
        && (row[.responseCode][0] == UInt8(ascii: "2") || row[.responseCode][0] == UInt8(ascii: "3")))
      : !Self.succeeded(row[.success])
    let users = row[.allThreads].int ?? row[.grpThreads].int ?? -1
    let label = accumulator.label(row[.label])
    let counted = accumulator.record(
      label: label, startMs: startMs, latencyMs: Double(elapsed), failed: failed,
      users: Int32(clamping: users), offset: offset,
      status: hasResponseCode ? StatusClassifier.classify(row[.responseCode]) : nil)
    if counted {
      // An unreadable value is NaN: left out of the phase with a warning.
      accumulator.recordTimingsOfLastRequest(
        firstByte: row[.firstByte].isEmpty ? nil : row[.firstByte].int.map(Double.init) ?? .nan,
        connect: row[.connect].isEmpty ? nil : row[.connect].int.map(Double.init) ?? .nan, offset: offset)
    }
    if failed, counted {
      accumulator.recordError(
        label: label,
        message: JMeterFailure.message(
          code: row[.responseCode].string, message: row[.responseMessage].string,
          assertion: row[.failureMessage].string),
        atMs: startMs)
    }
  }

  @inline(__always)
  private static func succeeded(_ field: ByteField) -> Bool {
    field.count == 4 && (field[0] | 0x20) == UInt8(ascii: "t")
  }

  private func formattedMilliseconds(_ field: ByteField) -> Int64? {
    guard field.count >= 8 else { return nil }
    return ByteScanning.parseDateTime(field.start, field.count).map { $0 / 1_000_000 }
  }

  /// `parent-0`, `parent-12`, `parent-0-1`: JMeter's names for sub-results of `parent`.
  @inline(__always)
  private func isSubResult(_ label: ByteField, of parent: ByteField) -> Bool {
    guard !parent.isEmpty, label.count > parent.count + 1, label[label.count - 1] &- 48 <= 9,
      label[parent.count] == UInt8(ascii: "-"), memcmp(label.start, parent.start, parent.count) == 0
    else { return false }
    for index in (parent.count + 1)..<label.count {
      let byte = label[index]
      if byte &- 48 > 9 && byte != UInt8(ascii: "-") { return false }
    }
    return true
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
