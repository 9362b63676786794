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
    var builder = ResourceSeriesBuilder(source: source)
    var diagnostics: [Diagnostic] = []
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
    var element = ""
    var time: Double?
    var memoryUnit = 1024.0
    var nonUTC = false
    var samples = 0
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
        element = Self.string(xmlTextReaderConstLocalName(reader)) ?? ""
        switch element {
        case "host":
          builder.host = Self.attribute(reader, "nodename")
        case "timestamp":
          let date = Self.attribute(reader, "date") ?? ""
          let clock = Self.attribute(reader, "time") ?? ""
          let utc = Self.attribute(reader, "utc") == "1" || Self.attribute(reader, "tz") == "UTC"
          if !utc { nonUTC = true }
          time = UTCTimestamp.parse("\(date)T\(clock)Z")?.timeIntervalSince1970
          if time == nil {
            diagnostics.append(
              Diagnostic(
                SourceLocation(file: path, line: Int(xmlTextReaderGetParserLineNumber(reader))),
                "unreadable timestamp '\(date) \(clock)' skipped"))
          }
        case "cpu":
          guard let time, Self.attribute(reader, "number") == "all",
            let idle = Self.attribute(reader, "idle").flatMap(Double.init)
          else { break }
          let busy = max(0, 100 - idle)
          if let cpus = builder.hostCPUs {
            builder.add(
              entity: "node", isNode: true, metric: .cpu, unit: .millicores, time: time,
              value: busy / 100 * Double(cpus) * 1000)
          } else {
            builder.add(
              entity: "node", isNode: true, metric: .cpu, unit: .hostPercent, time: time, value: busy)
          }
          samples += 1
        case "memory":
          memoryUnit = Self.attribute(reader, "unit") == "kB" ? 1024 : 1
        default:
          break
        }
      case Int32(XML_READER_TYPE_TEXT.rawValue):
        let value = Self.string(xmlTextReaderConstValue(reader)) ?? ""
        if element == "number-of-cpus" {
          builder.hostCPUs = Int(value.trimmingCharacters(in: .whitespacesAndNewlines))
        } else if element == "memused", let time, let kilobytes = Double(value) {
          builder.add(
            entity: "node", isNode: true, metric: .memory, unit: .bytes, time: time,
            value: kilobytes * memoryUnit)
          samples += 1
        }
      case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
        if Self.string(xmlTextReaderConstLocalName(reader)) == "timestamp" { time = nil }
        element = ""
      default:
        break
      }
    }
    if nonUTC {
      diagnostics.append(
        Diagnostic(
          SourceLocation(file: path),
          "timestamps not marked UTC were read as UTC; export with plain `sadf -x` (UTC is its default)"))
    }
    if samples == 0 {
      diagnostics.append(
        Diagnostic(
          SourceLocation(file: path), "no CPU or memory statistics found (export with `sadf -x … -- -u -r`)"))
    }
    return ResourceFile(source: source, series: builder.series, diagnostics: diagnostics)
  }

  private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    pointer.map { String(cString: $0) }
  }

  /// The attribute's value on the reader's current element, without allocating a copy to free.
  private static func attribute(_ reader: xmlTextReaderPtr, _ name: String) -> String? {
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
