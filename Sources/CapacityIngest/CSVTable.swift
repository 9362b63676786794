import CapacityModel

/// A CSV file read through its header: columns are looked up by name, never by position.
package struct CSVTable {
  package let file: String
  package let header: [String]
  package let rows: [CSVRecord]
  private let index: [String: Int]

  package init(records: [CSVRecord], file: String) throws(IngestError) {
    guard let first = records.first else { throw .emptyFile(path: file) }
    self.file = file
    self.header = first.fields.map { $0.trimmingWhitespace() }
    self.rows = Array(records.dropFirst())
    var index: [String: Int] = [:]
    for (position, name) in header.enumerated() where index[name] == nil { index[name] = position }
    self.index = index
  }

  package func requireColumns(_ names: [String]) throws(IngestError) {
    let missing = names.filter { index[$0] == nil }
    if !missing.isEmpty { throw .missingColumns(path: file, columns: missing) }
  }

  package func has(_ column: String) -> Bool { index[column] != nil }

  package func column(_ name: String) -> Int? { index[name] }

  /// Percentile columns (`50%`, `99.9%`, …) in header order, as (position, quantile 0…1).
  package func percentileColumns(before stop: String? = nil) -> [(position: Int, quantile: Double)] {
    let end = stop.flatMap { index[$0] } ?? header.count
    return header[..<end].enumerated().compactMap { position, name in
      guard name.hasSuffix("%"), let percent = Double(name.dropLast()), percent >= 0,
        percent <= 100
      else { return nil }
      // Rounded so that `99.9%` is exactly the literal 0.999, not 0.9990000000000001.
      return (position, (percent * 10_000_000).rounded() / 1_000_000_000)
    }
  }
}

/// Reads typed fields of one row and records the first problem so the caller can warn and skip.
package struct CSVRowReader {
  package let record: CSVRecord
  package let table: CSVTable
  package private(set) var problem: String?

  package init(_ record: CSVRecord, in table: CSVTable) {
    self.record = record
    self.table = table
    if record.fields.count != table.header.count {
      problem = "expected \(table.header.count) fields, found \(record.fields.count)"
    }
  }

  package var location: SourceLocation { SourceLocation(file: table.file, line: record.line) }

  package func text(_ column: String) -> String {
    guard let position = table.column(column), position < record.fields.count else { return "" }
    return record.fields[position]
  }

  package func text(at position: Int) -> String {
    position < record.fields.count ? record.fields[position] : ""
  }

  /// An optional number: empty and `N/A` are `nil`; anything else unparsable is a problem.
  package mutating func optionalDouble(_ column: String) -> Double? {
    guard let position = table.column(column) else { return nil }
    return optionalDouble(at: position, named: column)
  }

  package mutating func optionalDouble(at position: Int, named name: String) -> Double? {
    let raw = text(at: position).trimmingWhitespace()
    if raw.isEmpty || raw == "N/A" { return nil }
    guard let value = Double(raw), value.isFinite else {
      note("column '\(name)' holds '\(raw.prefix(40))', not a number")
      return nil
    }
    return value
  }

  package mutating func double(_ column: String) -> Double {
    let value = optionalDouble(column)
    if value == nil, problem == nil { note("column '\(column)' is empty") }
    return value ?? 0
  }

  /// A count; Locust writes integers, but tolerate `12.0`.
  package mutating func count(_ column: String) -> Int64 {
    let raw = text(column).trimmingWhitespace()
    if let value = Int64(raw), value >= 0 { return value }
    if let value = Double(raw), value >= 0, value < 9e18, value == value.rounded() {
      return Int64(value)
    }
    note("column '\(column)' holds '\(raw.prefix(40))', not a count")
    return 0
  }

  private mutating func note(_ message: String) {
    if problem == nil { problem = message }
  }
}

extension String {
  package func trimmingWhitespace() -> String {
    var slice = self[...]
    while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
    while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
    return String(slice)
  }
}
