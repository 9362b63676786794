import CapacityModel
import Foundation

/// Reads a fault-event log: CSV with a header naming `time`, `action`, `target` and optionally
/// `target_s`, `fault_id` and `ends` (see `ChaosEvent`), or JSON Lines with the same keys. Times are ISO-8601 (with `Z` or an offset) or
/// Unix epoch seconds. A line that cannot be read is an error naming the file and line: a wrong
/// event time would silently move every recovery figure.
public struct ChaosEventParser: Sendable {
  public init() {}

  /// Reads and parses the events file at `path`.
  public func parse(file path: String) throws(IngestError) -> [ChaosEvent] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "no such file or not readable")
    }
    return try parse([UInt8](data), file: path)
  }

  public func parse(_ bytes: [UInt8], file: String) throws(IngestError) -> [ChaosEvent] {
    let start = bytes.firstIndex { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
    guard let start else { throw .emptyFile(path: file) }
    let events =
      bytes[start] == UInt8(ascii: "{")
      ? try parseJSONLines(bytes, file: file) : try parseCSV(bytes, file: file)
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
