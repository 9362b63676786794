import Testing

@testable import CapacityIngest
@testable import CapacityModel

/// The unquoted-field search, sixteen then eight then one byte at a time, against splitting the
/// text: fields of every length around those strides, each delimiter, line endings, and data
/// that ends inside a field.
@Suite struct CSVFieldScannerTests {
  private func fields(_ text: String, delimiter: UInt8) -> [[String]] {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return [] }
      let scanner = CSVFieldScanner(end: base + buffer.count, delimiter: delimiter)
      var position = base
      var records: [[String]] = []
      var record: [String] = []
      while position < base + buffer.count {
        let (field, last) = scanner.next(&position)
        record.append(
          String(decoding: UnsafeBufferPointer(start: field.start, count: field.count), as: UTF8.self))
        if last {
          records.append(record)
          record = []
        }
      }
      return records
    }
  }

  @Test(arguments: [UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: "\t"), UInt8(ascii: ";")])
  func fieldsOfEveryLengthEndWhereTheTextSplits(delimiter: UInt8) {
    let separator = String(UnicodeScalar(delimiter))
    for length in 0...40 {
      for ending in ["\n", "\r\n", ""] {
        let long = String(repeating: "x", count: length)
        let rows = [[long, "a", long + "y"], ["", long, "1234567890123456"]]
        let text =
          rows.map { $0.joined(separator: separator) }.joined(separator: ending.isEmpty ? "\n" : ending)
          + ending
        #expect(
          fields(text, delimiter: delimiter) == rows, "length \(length), ending \(ending.debugDescription)")
      }
    }
  }
}
