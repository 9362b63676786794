import CapacityModel

/// Recognises raw per-request logs (JMeter, k6, vegeta, Gatling) from a file's first bytes.
package enum RawLogDetector {
  package static func detect(head: [UInt8]) -> InputKind? {
    let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let body = head[start...]
    if isGatlingBinary(head) { return .gatlingBinary }
    if isVegetaGob(head) { return .vegetaBinary }
    let lineEnd = body.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? head.endIndex
    let line = String(decoding: head[start..<lineEnd], as: UTF8.self)
    if line.hasPrefix("<?xml") || line.hasPrefix("<testResults") {
      return String(decoding: body, as: UTF8.self).contains("<testResults") ? .jmeterXML : nil
    }
    if line.hasPrefix("metric_name,timestamp,metric_value") { return .k6CSV }
    let compact = line.filter { $0 != " " && $0 != "\t" }
    if compact.hasPrefix("{"), compact.contains("\"metric\""),
      compact.contains("\"type\":\"Metric\"") || compact.contains("\"type\":\"Point\"")
    {
      return .k6JSON
    }
    if line.hasPrefix("RUN\t") || line.hasPrefix("ASSERTION\t") { return .gatlingLog }
    // Gatling 2.0–2.1: `simulationClass⇥simulationId⇥RUN⇥…`.
    let tabbed = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
    if tabbed.count >= 4, tabbed[2] == "RUN" || tabbed[2] == "USER" || tabbed[2] == "REQUEST" {
      return .gatlingLog
    }
    if JTLCSVLayout.isHeader(line) { return .jmeterCSV }
    let fields = line.split(separator: ",", omittingEmptySubsequences: false)
    if fields.count >= 9, fields[0].count == 19, fields[0].allSatisfy(\.isASCIIDigit),
      fields[1].allSatisfy(\.isASCIIDigit), fields[2].allSatisfy(\.isASCIIDigit)
    {
      return .vegetaCSV
    }
    if JTLCSVLayout.headerlessDelimiter(line) != nil { return .jmeterCSV }
    return nil
  }

  /// vegeta's gob stream opens with the type definition of its `Result` struct, whose field
  /// names appear as plain bytes in the first record.
  private static func isVegetaGob(_ head: [UInt8]) -> Bool {
    let window = String(decoding: head.prefix(512), as: UTF8.self)
    return head.prefix(4).contains { $0 < 0x09 || $0 == 0xFF } && window.contains("Result")
      && window.contains("Attack") && window.contains("Latency") && window.contains("BytesOut")
  }

  /// Gatling's binary log (since 3.12.1, gatling/gatling#4596) starts with record tag 0 (Run), then
  /// the version as a big-endian int length and its bytes, e.g. `00 00 00 00 06 "3.13.1"`.
  private static func isGatlingBinary(_ head: [UInt8]) -> Bool {
    guard head.count >= 8, head[0] == 0, head[1] == 0, head[2] == 0, head[3] == 0 else { return false }
    let length = Int(head[4])
    guard (3...16).contains(length), head.count >= 5 + length else { return false }
    let version = head[5..<(5 + length)]
    return version.first.map { (0x31...0x39).contains($0) } == true
      && version.allSatisfy {
        (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2D || (0x41...0x7A).contains($0)
      }
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension InputKind {
  /// A raw per-request log: mapped and parsed in place, one run per file.
  public var isRawLog: Bool {
    switch self {
    case .jmeterCSV, .jmeterXML, .k6CSV, .k6JSON, .vegetaCSV, .gatlingLog, .gatlingBinary, .vegetaBinary: true
    default: false
    }
  }
}
