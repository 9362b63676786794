import CapacityModel
import Foundation

/// The JSON of the array columns (percentiles, request windows, latency ceilings), written and
/// read without Codable: a run's per-second history is thousands of rows, and JSONEncoder and
/// JSONDecoder per row were most of the cost of storing and loading it.
///
/// The text is byte for byte what GRDB's Codable records wrote (JSONEncoder, sorted keys, `nil`
/// members left out, integral numbers without `.0`), so existing stores read the same and new ones
/// hold the same bytes. Text in any other shape is read by JSONDecoder.
package enum ColumnJSON {
  // MARK: Writing

  package static func text(_ values: [PercentileValue]) throws -> String {
    guard values.allSatisfy({ $0.quantile.isFinite && $0.valueMs?.isFinite != false }) else {
      return try generic(values)
    }
    var text = Writer(capacity: 2 + values.count * 32)
    text.append("[")
    for (index, value) in values.enumerated() {
      text.append(index == 0 ? "{\"quantile\":" : ",{\"quantile\":")
      text.append(value.quantile)
      if let ms = value.valueMs {
        text.append(",\"valueMs\":")
        text.append(ms)
      }
      text.append("}")
    }
    text.append("]")
    return text.string
  }

  package static func text(_ windows: [RequestWindow]) throws -> String {
    guard windows.allSatisfy({ $0.p50Ms?.isFinite != false && $0.p95Ms?.isFinite != false }) else {
      return try generic(windows)
    }
    var text = Writer(capacity: 2 + windows.count * 40)
    text.append("[")
    for (index, window) in windows.enumerated() {
      text.append(index == 0 ? "{" : ",{")
      if let p50 = window.p50Ms {
        text.append("\"p50Ms\":")
        text.append(p50)
        text.append(",")
      }
      if let p95 = window.p95Ms {
        text.append("\"p95Ms\":")
        text.append(p95)
        text.append(",")
      }
      text.append("\"requests\":")
      text.append(window.requests)
      text.append("}")
    }
    text.append("]")
    return text.string
  }

  package static func text(_ integers: [Int64]) -> String {
    var text = Writer(capacity: 2 + integers.count * 6)
    text.append("[")
    for (index, integer) in integers.enumerated() {
      if index > 0 { text.append(",") }
      text.append(integer)
    }
    text.append("]")
    return text.string
  }

  /// `[[…],[…]]`: rows of integers.
  package static func text(_ rows: [[Int64]]) -> String {
    var text = Writer(capacity: 2 + rows.count * (2 + (rows.first?.count ?? 0) * 4))
    text.append("[")
    for (index, row) in rows.enumerated() {
      text.append(index == 0 ? "[" : ",[")
      for (column, integer) in row.enumerated() {
        if column > 0 { text.append(",") }
        text.append(integer)
      }
      text.append("]")
    }
    text.append("]")
    return text.string
  }

  /// The text of a column as bytes: a run writes hundreds of thousands of numbers, and a String
  /// appended piece by piece cost more than the numbers themselves.
  private struct Writer {
    private var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ literal: StaticString) { bytes.append(literal: literal) }

    /// Decimal digits, as JSONEncoder writes an integer.
    mutating func append(_ integer: Int64) { NumberFormat.appendInteger(integer, to: &bytes) }

    /// JSONEncoder's number: the shortest round-trip form, `.0` dropped. A whole number below
    /// 2⁵³ (which `description` writes as its digits and `.0`) goes the integer way.
    mutating func append(_ value: Double) {
      // The magnitude first, so the conversion cannot trap (NaN fails it too).
      if value.magnitude < 9_007_199_254_740_992, Double(Int64(value)) == value,
        value != 0 || value.sign == .plus
      {
        append(Int64(value))
        return
      }
      var written = value.description
      written.withUTF8 { utf8 in
        let pointZero =
          utf8.count >= 2 && utf8[utf8.count - 2] == UInt8(ascii: ".")
          && utf8[utf8.count - 1] == UInt8(ascii: "0")
        bytes.append(contentsOf: pointZero ? UnsafeBufferPointer(rebasing: utf8.dropLast(2)) : utf8)
      }
    }
  }

  private static func generic(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    encoder.nonConformingFloatEncodingStrategy = .throw
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  // MARK: Reading

  package static func percentiles(_ text: String) throws -> [PercentileValue] {
    var copy = text
    let parsed = copy.withUTF8 { bytes -> [PercentileValue]? in
      var reader = Reader(bytes: bytes)
      return reader.array { reader in
        guard reader.key("quantile"), let quantile = reader.number() else { return nil }
        var valueMs: Double?
        if reader.skip(UInt8(ascii: ",")) {
          guard reader.key("valueMs"), let ms = reader.number() else { return nil }
          valueMs = ms
        }
        return PercentileValue(quantile: quantile, valueMs: valueMs)
      }
    }
    return try parsed ?? JSONDecoder().decode([PercentileValue].self, from: Data(text.utf8))
  }

  package static func windows(_ text: String) throws -> [RequestWindow] {
    var copy = text
    let parsed = copy.withUTF8 { bytes -> [RequestWindow]? in
      var reader = Reader(bytes: bytes)
      return reader.array { reader in
        var window = RequestWindow(requests: 0, p50Ms: nil, p95Ms: nil)
        if reader.key("p50Ms") {
          guard let value = reader.number(), reader.skip(UInt8(ascii: ",")) else { return nil }
          window.p50Ms = value
        }
        if reader.key("p95Ms") {
          guard let value = reader.number(), reader.skip(UInt8(ascii: ",")) else { return nil }
          window.p95Ms = value
        }
        guard reader.key("requests"), let requests = reader.integer() else { return nil }
        window.requests = requests
        return window
      }
    }
    return try parsed ?? JSONDecoder().decode([RequestWindow].self, from: Data(text.utf8))
  }

  package static func integers(_ text: String) throws -> [Int64] {
    var copy = text
    let parsed = copy.withUTF8 { bytes -> [Int64]? in
      var reader = Reader(bytes: bytes)
      guard reader.skip(UInt8(ascii: "[")) else { return nil }
      var result: [Int64] = []
      if reader.skip(UInt8(ascii: "]")) { return reader.atEnd ? result : nil }
      repeat {
        guard let value = reader.integer() else { return nil }
        result.append(value)
      } while reader.skip(UInt8(ascii: ","))
      return reader.skip(UInt8(ascii: "]")) && reader.atEnd ? result : nil
    }
    return try parsed ?? JSONDecoder().decode([Int64].self, from: Data(text.utf8))
  }

  /// Reads the compact shape `ColumnJSON` writes (no spaces); `nil` from any step means
  /// "not that shape", and the caller hands the text to JSONDecoder.
  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    var atEnd: Bool { position == bytes.count }

    mutating func skip(_ byte: UInt8) -> Bool {
      guard position < bytes.count, bytes[position] == byte else { return false }
      position += 1
      return true
    }

    /// `"name":`, consumed only when it is there.
    mutating func key(_ name: StaticString) -> Bool {
      let count = name.utf8CodeUnitCount
      guard position + count + 3 <= bytes.count, bytes[position] == UInt8(ascii: "\""),
        bytes[position + count + 1] == UInt8(ascii: "\""), bytes[position + count + 2] == UInt8(ascii: ":")
      else { return false }
      let start = name.utf8Start
      for offset in 0..<count where bytes[position + 1 + offset] != start[offset] { return false }
      position += count + 3
      return true
    }

    /// `[{…},{…}]` with `element` reading what is between the braces.
    mutating func array<Element>(_ element: (inout Reader) -> Element?) -> [Element]? {
      guard skip(UInt8(ascii: "[")) else { return nil }
      var result: [Element] = []
      if skip(UInt8(ascii: "]")) { return atEnd ? result : nil }
      repeat {
        guard skip(UInt8(ascii: "{")), let value = element(&self), skip(UInt8(ascii: "}")) else { return nil }
        result.append(value)
      } while skip(UInt8(ascii: ","))
      return skip(UInt8(ascii: "]")) && atEnd ? result : nil
    }

    private mutating func token(_ allowed: (UInt8) -> Bool) -> Substring? {
      let start = position
      while position < bytes.count, allowed(bytes[position]) { position += 1 }
      guard position > start else { return nil }
      return Substring(
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    }

    mutating func number() -> Double? {
      let start = position
      guard let text = token(Self.isNumberByte), let value = Double(text), value.isFinite else {
        position = start
        return nil
      }
      return value
    }

    mutating func integer() -> Int64? {
      let start = position
      guard let text = token({ $0 == UInt8(ascii: "-") || ($0 >= 0x30 && $0 <= 0x39) }),
        let value = Int64(text)
      else {
        position = start
        return nil
      }
      return value
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
      (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }
  }
}
