import CLibXML2
import CapacityModel
import Foundation

/// Reads `sadf -x` XML with libxml2's streaming `xmlTextReader`: constant memory, no DTD loading,
/// no entity substitution and no network access (`XML_PARSE_NONET`; the DOCTYPE's remote DTD is
/// never fetched).
///
/// Node CPU = (100 − `idle`) % of `<number-of-cpus>` from `<cpu number="all">` (both `-u` and
/// `-u ALL` carry `idle`); node memory used = `<memused>` in the `<memory unit="kB">` block.
/// Timestamps are `date` + `time`, UTC (`utc="1"` or `tz="UTC"`; other zones are reported).
package struct SadfXMLParser {
  package func parse(_ bytes: [UInt8], source: SourceFile) throws(IngestError) -> ResourceFile {
    let path = source.path
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let maybeReader = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        xmlReaderForMemory($0, Int32(buffer.count), nil, nil, options)
      }
    }
    guard let reader = maybeReader else {
      throw .malformedRow(SourceLocation(file: path, line: 1), reason: "libxml2 could not open the document")
    }
    defer { xmlFreeTextReader(reader) }
    var state = State(builder: ResourceSeriesBuilder(source: source), path: path)
    while true {
      let status = xmlTextReaderRead(reader)
      if status == 0 { break }
      guard status == 1 else {
        throw .malformedRow(
          SourceLocation(file: path, line: Int(xmlTextReaderGetParserLineNumber(reader))),
          reason: "malformed sadf XML")
      }
      switch xmlTextReaderNodeType(reader) {
      case Int32(XML_READER_TYPE_ELEMENT.rawValue):
        state.start(reader)
      case Int32(XML_READER_TYPE_TEXT.rawValue):
        state.text(Self.string(xmlTextReaderConstValue(reader)) ?? "")
      case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
        if Self.string(xmlTextReaderConstLocalName(reader)) == "timestamp" { state.time = nil }
        state.element = ""
      default:
        break
      }
    }
    if state.nonUTC {
      state.diagnostics.append(
        Diagnostic(
          SourceLocation(file: path),
          "timestamps not marked UTC were read as UTC; export with plain `sadf -x` (UTC is its default)"))
    }
    if state.samples == 0 {
      state.diagnostics.append(
        Diagnostic(
          SourceLocation(file: path), "no CPU or memory statistics found (export with `sadf -x … -- -u -r`)"))
    }
    return ResourceFile(source: source, series: state.builder.series, diagnostics: state.diagnostics)
  }

  /// What the reader has met so far: the current element and timestamp, the memory unit, the
  /// samples and warnings.
  private struct State {
    var builder: ResourceSeriesBuilder
    let path: String
    var diagnostics: [Diagnostic] = []
    var element = ""
    var time: Double?
    var memoryUnit = 1024.0
    var nonUTC = false
    var samples = 0

    init(builder: ResourceSeriesBuilder, path: String) {
      self.builder = builder
      self.path = path
    }

    /// An element opens: the host, a timestamp, the all-CPUs row or the memory block.
    mutating func start(_ reader: xmlTextReaderPtr) {
      element = SadfXMLParser.string(xmlTextReaderConstLocalName(reader)) ?? ""
      switch element {
      case "host":
        builder.host = SadfXMLParser.attribute(reader, "nodename")
      case "timestamp":
        let date = SadfXMLParser.attribute(reader, "date") ?? ""
        let clock = SadfXMLParser.attribute(reader, "time") ?? ""
        let utc =
          SadfXMLParser.attribute(reader, "utc") == "1" || SadfXMLParser.attribute(reader, "tz") == "UTC"
        if !utc { nonUTC = true }
        time = UTCTimestamp.parse("\(date)T\(clock)Z")?.timeIntervalSince1970
        if time == nil {
          diagnostics.append(
            Diagnostic(
              SourceLocation(file: path, line: Int(xmlTextReaderGetParserLineNumber(reader))),
              "unreadable timestamp '\(date) \(clock)' skipped"))
        }
      case "cpu":
        guard let time, SadfXMLParser.attribute(reader, "number") == "all",
          let idle = SadfXMLParser.attribute(reader, "idle").flatMap(Double.init)
        else { break }
        builder.addNodeCPU(busyPercent: max(0, 100 - idle), time: time)
        samples += 1
      case "memory":
        memoryUnit = SadfXMLParser.attribute(reader, "unit") == "kB" ? 1024 : 1
      default:
        break
      }
    }

    /// Text inside the current element: the CPU count, or memory used.
    mutating func text(_ value: String) {
      if element == "number-of-cpus" {
        builder.hostCPUs = Int(value.trimmingCharacters(in: .whitespacesAndNewlines))
      } else if element == "memused", let time, let kilobytes = Double(value) {
        builder.addNodeMemory(bytes: kilobytes * memoryUnit, time: time)
        samples += 1
      }
    }
  }

  fileprivate static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  /// The attribute's value on the reader's current element, without allocating a copy to free.
  fileprivate static func attribute(_ reader: xmlTextReaderPtr, _ name: String) -> String? {
    defer { xmlTextReaderMoveToElement(reader) }
    let found = name.withCString { cName in
      cName.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) {
        xmlTextReaderMoveToAttribute(reader, $0)
      }
    }
    guard found == 1 else { return nil }
    return string(xmlTextReaderConstValue(reader))
  }
}
