import CapacityModel
import Foundation

/// Reads a fault-event log: CSV with a header naming `time`, `action`, `target` and optionally
/// `target_s`, `fault_id` and `ends` (see `ChaosEvent`), or JSON Lines with the same keys. Times are ISO-8601 (with `Z` or an offset) or
/// Unix epoch seconds. A line that cannot be read is an error naming the file and line: a wrong
/// event time would silently move every recovery figure.
public struct ChaosEventParser: Sendable {
  /// The most events one file may hold. Each fault is analysed and kept in report.json with its
  /// notes (about 1.7 KB there); 10 000 take about 120 MiB, 100 000 took over 1 GiB. Far more than
  /// any chaos experiment injects into the runs of one report, so a longer file is refused.
  public static let maximumEvents = 10_000

  public init() {}

  /// Reads and parses the events file at `path`: a regular UTF-8 file of at most
  /// `TextDocument.maximumBytes`, checked before it is read (a FIFO would block, a huge file fill
  /// memory).
  public func parse(file path: String) throws(IngestError) -> [ChaosEvent] {
    let document: TextDocument
    do {
      document = try SettingsFileReader.read(path)
    } catch .notFound(let path) {
      throw .notFound(path: path)
    } catch .refused(_, let reason) {
      throw .unreadable(path: path, reason: reason)
    } catch {
      throw .unreadable(path: path, reason: "permission denied or not a file")
    }
    return try parse(Array(document.text.utf8), file: path)
  }

  public func parse(_ bytes: [UInt8], file: String) throws(IngestError) -> [ChaosEvent] {
    let start = bytes.firstIndex { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
    guard let start else { throw .emptyFile(path: file) }
    let events =
      bytes[start] == UInt8(ascii: "{")
      ? try parseJSONLines(bytes, file: file) : try parseCSV(bytes, file: file)
    if events.count > Self.maximumEvents {
      throw .unsupported(
        path: file,
        reason: "\(events.count) events, at most \(Self.maximumEvents) in one events file; "
          + "pass only the faults of the runs being analysed (split the file by run or time)")
    }
    // Stable: rows with the same time keep their order in the file (a start before its end).
    return events.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
      .map(\.element)
  }

  private func parseCSV(_ bytes: [UInt8], file: String) throws(IngestError) -> [ChaosEvent] {
    let table = try CSVTable(records: CSVReader().records(in: bytes, file: file), file: file)
    try table.requireColumns(["time", "action", "target"])
    var events: [ChaosEvent] = []
    for record in table.rows {
      let row = CSVRowReader(record, in: table)
      let location = row.location
      events.append(
        try event(
          time: row.text("time"), action: row.text("action"), target: row.text("target"),
          targetSeconds: row.text("target_s"), faultID: row.text("fault_id"), ends: row.text("ends"),
          at: location))
    }
    return events
  }

  private func parseJSONLines(_ bytes: [UInt8], file: String) throws(IngestError) -> [ChaosEvent] {
    var events: [ChaosEvent] = []
    for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .enumerated()
    {
      let location = SourceLocation(file: file, line: index + 1)
      guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
      guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
        let invalid = UTF8Validation.firstInvalidByte(in: line).map {
          "invalid UTF-8 at byte \($0) of the line"
        }
        throw .malformedRow(location, reason: invalid ?? "not a JSON object")
      }
      func text(_ key: String) -> String {
        switch object[key] {
        case let value as String: value
        case let value as NSNumber: value.stringValue
        default: ""
        }
      }
      events.append(
        try event(
          time: text("time"), action: text("action"), target: text("target"),
          targetSeconds: text("target_s"), faultID: text("fault_id"), ends: text("ends"), at: location))
    }
    return events
  }

  private func event(
    time: String, action: String, target: String, targetSeconds: String, faultID: String, ends: String,
    at location: SourceLocation
  ) throws(IngestError) -> ChaosEvent {
    let trimmed = time.trimmingWhitespace()
    guard let date = UTCTimestamp.parse(trimmed) ?? Double(trimmed).map(Date.init(timeIntervalSince1970:))
    else {
      throw .malformedRow(location, reason: "time '\(time.prefix(40))' is neither ISO-8601 nor epoch seconds")
    }
    guard !action.trimmingWhitespace().isEmpty else {
      throw .malformedRow(location, reason: "action is empty")
    }
    var seconds: Double?
    if !targetSeconds.trimmingWhitespace().isEmpty {
      guard let value = Double(targetSeconds.trimmingWhitespace()), value >= 0 else {
        throw .malformedRow(
          location, reason: "target_s '\(targetSeconds.prefix(20))' is not a number of seconds")
      }
      seconds = value
    }
    return ChaosEvent(
      time: date, action: action.trimmingWhitespace(), target: target.trimmingWhitespace(),
      targetSeconds: seconds, origin: .eventsFile, location: location,
      faultID: Self.optional(faultID), ends: Self.optional(ends))
  }

  private static func optional(_ text: String) -> String? {
    let trimmed = text.trimmingWhitespace()
    return trimmed.isEmpty ? nil : trimmed
  }
}
