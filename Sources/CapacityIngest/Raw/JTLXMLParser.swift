import CLibXML2
import CapacityModel

/// Reads a JMeter XML JTL with libxml2's streaming `xmlTextReader`: one sample element at a
/// time, entity substitution, DTD loading and network access off.
///
/// Top-level `<httpSample>`/`<sample>` elements are requests. Elements nested in a request are
/// its sub-results (redirect hops, embedded resources) and are set aside. A Transaction
/// Controller parent (`rm="Number of samples in transaction : …"`) is counted as a transaction
/// instead (not a request), and its direct children are counted as requests. A file cut off
/// before `</testResults>` yields the samples read so far and a warning.
package struct JTLXMLParser {
  private enum Kind {
    case request, transactionParent, subResult
  }

  /// Feeds the mapped bytes to libxml2 without copying the whole file.
  private struct Source {
    var bytes: UnsafeRawBufferPointer
    var offset = 0
    var progress: ProgressCounter
    var reported = 0
  }

  private final class ErrorSink {
    var message: String?
    var line = 0
  }

  package func parse(
    _ bytes: UnsafeRawBufferPointer, file: String, into accumulator: inout RequestAccumulator,
    progress: ProgressCounter
  ) -> [Diagnostic] {
    var source = Source(bytes: bytes, progress: progress)
    let errors = ErrorSink()
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    return withUnsafeMutablePointer(to: &source) { sourcePointer -> [Diagnostic] in
      let read: xmlInputReadCallback = { context, buffer, length in
        let source = context!.assumingMemoryBound(to: Source.self)
        let count = min(Int(length), source.pointee.bytes.count - source.pointee.offset)
        guard count > 0, let buffer, let base = source.pointee.bytes.baseAddress else { return 0 }
        memcpy(buffer, base + source.pointee.offset, count)
        source.pointee.offset += count
        if source.pointee.offset - source.pointee.reported >= ProgressCounter.stride {
          source.pointee.progress.consumed(from: source.pointee.reported, to: source.pointee.offset)
          source.pointee.reported = source.pointee.offset
        }
        return Int32(count)
      }
      guard let reader = xmlReaderForIO(read, nil, sourcePointer, file, nil, options) else {
        return [Diagnostic(SourceLocation(file: file), "libxml2 could not start reading the file")]
      }
      defer { xmlFreeTextReader(reader) }
      xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_SUBST_ENTITIES.rawValue), 0)
      xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_LOADDTD.rawValue), 0)
      xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_DEFAULTATTRS.rawValue), 0)
      xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_VALIDATE.rawValue), 0)
      let sink = Unmanaged.passUnretained(errors).toOpaque()
      xmlTextReaderSetErrorHandler(
        reader,
        { argument, message, _, locator in
          let errors = Unmanaged<ErrorSink>.fromOpaque(argument!).takeUnretainedValue()
          guard errors.message == nil else { return }
          errors.message = message.map { String(cString: $0) }?.trimmingTrailingNewlines ?? "XML error"
          errors.line = Int(xmlTextReaderLocatorLineNumber(locator))
        }, sink)
      var stack: [(depth: Int32, kind: Kind)] = []
      var status: Int32 = 1
      while true {
        status = xmlTextReaderRead(reader)
        guard status == 1 else { break }
        guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue),
          let name = xmlTextReaderConstLocalName(reader), isSampleName(name)
        else { continue }
        let depth = xmlTextReaderDepth(reader)
        while let last = stack.last, last.depth >= depth { stack.removeLast() }
        let kind = sample(reader, parent: stack.last?.kind, into: &accumulator)
        if xmlTextReaderIsEmptyElement(reader) != 1 { stack.append((depth, kind)) }
      }
      progress.consumed(from: sourcePointer.pointee.reported, to: sourcePointer.pointee.offset)
      guard status < 0 || errors.message != nil else { return [] }
      return [
        Diagnostic(
          SourceLocation(file: file, line: errors.line),
          "the XML stops being well-formed here (\(errors.message ?? "read error")); a cut-off file "
            + "(no </testResults>) keeps the samples read so far")
      ]
    }
  }

  private func isSampleName(_ name: UnsafePointer<xmlChar>) -> Bool {
    strcmp(name, "httpSample") == 0 || strcmp(name, "sample") == 0
  }

  private func sample(_ reader: xmlTextReaderPtr, parent: Kind?, into accumulator: inout RequestAccumulator)
    -> Kind
  {
    if parent == .request || parent == .subResult {
      accumulator.setAside(.subResult)
      return .subResult
    }
    var elapsed: Int64?
    var startMs: Int64?
    var success = true
    var label = ByteField.empty
    var labelStorage: [UInt8] = []
    var code = ""
    var message = ""
    var users: Int64?
    var groupUsers: Int64?
    var isTransaction = false
    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
      guard let name = xmlTextReaderConstLocalName(reader), let value = xmlTextReaderConstValue(reader) else {
        continue
      }
      let length = strlen(value)
      let field = ByteField(start: value, count: length)
      switch (name[0], name[1], name[1] == 0 ? 0 : name[2]) {
      case (UInt8(ascii: "t"), 0, _): elapsed = field.int
      case (UInt8(ascii: "t"), UInt8(ascii: "s"), 0): startMs = field.int
      case (UInt8(ascii: "s"), 0, _): success = field.equals("true")
      case (UInt8(ascii: "l"), UInt8(ascii: "b"), 0):
        labelStorage = Array(UnsafeBufferPointer(start: value, count: length))
      case (UInt8(ascii: "r"), UInt8(ascii: "c"), 0): code = field.string
      case (UInt8(ascii: "r"), UInt8(ascii: "m"), 0):
        isTransaction = field.hasPrefix("Number of samples in transaction")
        message = field.string
      case (UInt8(ascii: "n"), UInt8(ascii: "a"), 0): users = field.int
      case (UInt8(ascii: "n"), UInt8(ascii: "g"), 0): groupUsers = field.int
      default: break
      }
    }
    xmlTextReaderMoveToElement(reader)
    // Where the parser is in the file (just past this start tag): warnings name its line.
    let offset = max(0, Int(xmlTextReaderByteConsumed(reader)) - 1)
    guard let elapsed, let startMs else {
      if isTransaction {
        accumulator.setAside(.transactionParent)
        return .transactionParent
      }
      accumulator.warn(offset: offset, "sample without numeric t/ts attributes skipped")
      return .request
    }
    if isTransaction {
      labelStorage.withUnsafeBufferPointer { buffer in
        accumulator.recordTransaction(
          ByteField(start: buffer.baseAddress ?? ByteScanning.emptyPointer, count: buffer.count),
          startMs: startMs, latencyMs: Double(elapsed), failed: !success)
      }
      return .transactionParent
    }
    let id = labelStorage.withUnsafeBufferPointer { buffer -> Int32 in
      label = ByteField(start: buffer.baseAddress ?? ByteScanning.emptyPointer, count: buffer.count)
      return accumulator.label(label)
    }
    let counted = accumulator.record(
      label: id, startMs: startMs, latencyMs: Double(elapsed), failed: !success,
      users: Int32(clamping: users ?? groupUsers ?? -1), offset: offset)
    if !success, counted {
      accumulator.recordError(
        label: id, message: JMeterFailure.message(code: code, message: message, assertion: ""), atMs: startMs)
    }
    return .request
  }
}

extension String {
  fileprivate var trimmingTrailingNewlines: String {
    var slice = self[...]
    while slice.last?.isNewline == true { slice = slice.dropLast() }
    return String(slice)
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
