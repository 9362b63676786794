import CapacityModel

/// RFC 4180 reader for the small, pre-aggregated CSV files (Locust's `*_stats*.csv`).
///
/// Handles what Python's `csv.writer` produces: a UTF-8 BOM, CRLF or LF endings, quoted fields
/// with doubled quotes and embedded newlines (tracebacks), and a missing final newline. This is
/// the cold path; raw request logs get their own byte scanner.
public struct CSVReader: Sendable {
  public var delimiter: UInt8

  public init(delimiter: UInt8 = UInt8(ascii: ",")) {
    self.delimiter = delimiter
  }

  /// Splits `bytes` into records; blank lines are skipped.
  /// - Throws: `IngestError.malformedRow` for a quote left open at the end of the file.
  public func records(in bytes: [UInt8], file: String) throws(IngestError) -> [CSVRecord] {
    var records: [CSVRecord] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var line = 1
    var recordLine = 1
    var inQuotes = false
    var fieldWasQuoted = false
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
      fieldWasQuoted = false
    }
    func endRecord() {
      endField()
      let blank = fields.count == 1 && fields[0].isEmpty
      if !blank { records.append(CSVRecord(fields: fields, line: recordLine)) }
      fields.removeAll(keepingCapacity: true)
    }

    while index < bytes.count {
      let byte = bytes[index]
      if inQuotes {
        if byte == quote {
          if index + 1 < bytes.count, bytes[index + 1] == quote {
            field.append(quote)
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          if byte == lf { line += 1 }
          field.append(byte)
        }
      } else if byte == quote, field.isEmpty, !fieldWasQuoted {
        inQuotes = true
        fieldWasQuoted = true
      } else if byte == delimiter {
        endField()
      } else if byte == cr || byte == lf {
        if byte == cr, index + 1 < bytes.count, bytes[index + 1] == lf { index += 1 }
        endRecord()
        line += 1
        recordLine = line
      } else {
        field.append(byte)
      }
      index += 1
    }
    if inQuotes {
      throw .malformedRow(
        SourceLocation(file: file, line: recordLine), reason: "quoted field is never closed")
    }
    if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
    return records
  }
}
