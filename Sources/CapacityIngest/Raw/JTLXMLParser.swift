import CLibXML2
import CapacityModel

/// Reads a JMeter XML JTL with libxml2's streaming `xmlTextReader`: one sample element at a
/// time, entity substitution, DTD loading and network access off.
///
/// Top-level `<httpSample>`/`<sample>` elements are requests. Elements nested in a request are
/// its sub-results (redirect hops, embedded resources) and are set aside. A Transaction
/// Controller parent (`rm="Number of samples in transaction : …"`) is counted as a transaction
/// instead (not a request), and its direct children are counted as requests. A file cut off
/// before `</testResults>` is read up to its last complete sample (`XMLCutOff`), and one that
/// stops being well-formed up to the last complete sample before that line, with a warning
/// naming the line.
package struct JTLXMLParser {
  private enum Kind {
    case request, transactionParent, subResult
  }

  /// Feeds the mapped bytes up to `limit`, then `tail`, to libxml2 without copying the file.
  private struct Source {
    var bytes: UnsafeRawBufferPointer
    var limit: Int
    var tail: [UInt8]
    var offset = 0
    var progress: ProgressCounter?
    var reported = 0
  }

  private final class ErrorSink {
    var message: String?
  }

  /// How one pass over the file ended: the line and message of the first XML error, if any.
  private struct Outcome {
    var errorLine: Int?
    var message: String?
  }

  package func parse(
    _ bytes: UnsafeRawBufferPointer, file: String, into accumulator: inout RequestAccumulator,
    progress: ProgressCounter
  ) -> [Diagnostic] {
    let cut = Self.endsWithRootEnd(bytes) ? nil : XMLCutOff.find(bytes)
    let outcome = read(bytes, cut: cut, file: file, into: &accumulator, progress: progress)
    guard let errorLine = outcome.errorLine else {
      guard let cut else { return [] }
      guard cut.stop < bytes.count else {
        return [
          Diagnostic(
            SourceLocation(file: file, line: Self.line(at: bytes.count, in: bytes)),
            "the file ends without </testResults>: every sample in it is complete and read")
        ]
      }
      let start = Self.line(at: cut.stop, in: bytes)
      return [
        Diagnostic(
          SourceLocation(file: file, line: Self.line(at: bytes.count - 1, in: bytes)),
          "the file is cut off here (no </testResults>), inside the sample that starts at line \(start): "
            + "the complete samples before it are read, that one is not")
      ]
    }
    rereadBefore(line: errorLine, bytes, file: file, into: &accumulator)
    return [
      Diagnostic(
        SourceLocation(file: file, line: errorLine),
        "the XML stops being well-formed here (\(outcome.message ?? "read error")): the complete samples "
          + "before this line are read, the rest of the file is not")
    ]
  }

  /// libxml2 stops at an error without handing over the samples it had parsed just before it:
  /// reads the file again up to the last complete sample before `line`, and keeps that reading
  /// when it holds more requests.
  private func rereadBefore(
    line: Int, _ bytes: UnsafeRawBufferPointer, file: String, into accumulator: inout RequestAccumulator
  ) {
    let lineStart = Self.offset(ofLine: line, in: bytes)
    guard let cut = XMLCutOff.find(UnsafeRawBufferPointer(rebasing: bytes[0..<lineStart])) else { return }
    var again = RequestAccumulator(exactBudget: accumulator.exactBudget, sessionGap: accumulator.sessionGap)
    let outcome = read(bytes, cut: cut, file: file, into: &again, progress: nil)
    let requests = { (accumulator: RequestAccumulator) in accumulator.segments.reduce(0) { $0 + $1.requests }
    }
    if outcome.errorLine == nil, requests(again) > requests(accumulator) {
      accumulator.release()
      accumulator = again
    } else {
      again.release()
    }
  }

  /// One pass with libxml2's reader over the bytes (up to `cut`, closed by its end tag).
  private func read(
    _ bytes: UnsafeRawBufferPointer, cut: XMLCutOff?, file: String,
    into accumulator: inout RequestAccumulator,
    progress: ProgressCounter?
  ) -> Outcome {
    var source = Source(
      bytes: bytes, limit: cut?.keep ?? bytes.count, tail: cut.map { [0x0A] + $0.closing + [0x0A] } ?? [],
      progress: progress)
    let errors = ErrorSink()
    let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    return withUnsafeMutablePointer(to: &source) { sourcePointer -> Outcome in
      guard let reader = xmlReaderForIO(Self.readBytes, nil, sourcePointer, file, nil, options) else {
        return Outcome(errorLine: 1, message: "libxml2 could not start reading the file")
      }
      defer { xmlFreeTextReader(reader) }
      xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_SUBST_ENTITIES.rawValue), 0)
      xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_LOADDTD.rawValue), 0)
      xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_DEFAULTATTRS.rawValue), 0)
      xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_VALIDATE.rawValue), 0)
      let sink = Unmanaged.passUnretained(errors).toOpaque()
      xmlTextReaderSetErrorHandler(
        reader,
        { argument, message, _, _ in
          let errors = Unmanaged<ErrorSink>.fromOpaque(argument!).takeUnretainedValue()
          guard errors.message == nil else { return }
          errors.message = message.map { String(cString: $0) }?.trimmingTrailingNewlines ?? "XML error"
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
      let reported = min(sourcePointer.pointee.offset, sourcePointer.pointee.limit)
      progress?.consumed(from: sourcePointer.pointee.reported, to: reported)
      guard status < 0 || errors.message != nil else { return Outcome() }
      // The reader's own line (the error locator's line is that of the node being built).
      let line = max(1, Int(xmlTextReaderGetParserLineNumber(reader)))
      return Outcome(errorLine: line, message: errors.message)
    }
  }

  /// libxml2's input callback: the file's bytes up to `limit`, then `tail` (the end tag that closes
  /// a cut-off file), reporting progress every `ProgressCounter.stride` bytes.
  private static let readBytes: xmlInputReadCallback = { context, buffer, length in
    let source = context!.assumingMemoryBound(to: Source.self)
    guard let buffer, let base = source.pointee.bytes.baseAddress else { return 0 }
    let fromFile = min(Int(length), source.pointee.limit - source.pointee.offset)
    if fromFile > 0 {
      memcpy(buffer, base + source.pointee.offset, fromFile)
      source.pointee.offset += fromFile
      if source.pointee.offset - source.pointee.reported >= ProgressCounter.stride {
        source.pointee.progress?.consumed(from: source.pointee.reported, to: source.pointee.offset)
        source.pointee.reported = source.pointee.offset
      }
      return Int32(fromFile)
    }
    let fromTail = min(
      Int(length), source.pointee.limit + source.pointee.tail.count - source.pointee.offset)
    guard fromTail > 0 else { return 0 }
    source.pointee.tail.withUnsafeBufferPointer { tail in
      _ = memcpy(buffer, tail.baseAddress! + (source.pointee.offset - source.pointee.limit), fromTail)
    }
    source.pointee.offset += fromTail
    return Int32(fromTail)
  }

  /// Whether the file ends with `</testResults>` (trailing white space allowed): no scan needed.
  private static func endsWithRootEnd(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var end = bytes.count
    while end > 0, [0x20, 0x09, 0x0A, 0x0D, 0x00].contains(bytes[end - 1]) { end -= 1 }
    let closing = Array("</testResults>".utf8)
    return end >= closing.count && bytes[(end - closing.count)..<end].elementsEqual(closing)
  }

  /// The 1-based line holding byte `offset`.
  static func line(at offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
    var line = 1
    for index in 0..<min(offset, bytes.count) where bytes[index] == ByteScanning.newline { line += 1 }
    return line
  }

  /// The offset where 1-based `line` starts (the file's length past its last line).
  static func offset(ofLine line: Int, in bytes: UnsafeRawBufferPointer) -> Int {
    var seen = 1
    var index = 0
    while seen < line, index < bytes.count {
      if bytes[index] == ByteScanning.newline { seen += 1 }
      index += 1
    }
    return index
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
    let attributes = SampleAttributes(reader)
    xmlTextReaderMoveToElement(reader)
    // Where the parser is in the file (just past this start tag): warnings name its line.
    let offset = max(0, Int(xmlTextReaderByteConsumed(reader)) - 1)
    guard let elapsed = attributes.elapsed, let startMs = attributes.startMs else {
      if attributes.isTransaction {
        accumulator.setAside(.transactionParent)
        return .transactionParent
      }
      accumulator.warn(offset: offset, "sample without numeric t/ts attributes skipped")
      return .request
    }
    if attributes.isTransaction {
      attributes.label.withUnsafeBufferPointer { buffer in
        accumulator.recordTransaction(
          ByteField(start: buffer.baseAddress ?? ByteScanning.emptyPointer, count: buffer.count),
          startMs: startMs, latencyMs: Double(elapsed), failed: !attributes.success, offset: offset)
      }
      return .transactionParent
    }
    let id = attributes.label.withUnsafeBufferPointer { buffer -> Int32 in
      accumulator.label(
        ByteField(start: buffer.baseAddress ?? ByteScanning.emptyPointer, count: buffer.count))
    }
    let counted = accumulator.record(
      label: id, startMs: startMs, latencyMs: Double(elapsed), failed: !attributes.success,
      users: Int32(clamping: attributes.users ?? attributes.groupUsers ?? -1), offset: offset,
      status: attributes.statusClass)
    if counted {
      accumulator.recordTimingsOfLastRequest(
        firstByte: attributes.firstByteMs.map(Double.init), connect: attributes.connectMs.map(Double.init))
    }
    if !attributes.success, counted {
      accumulator.recordError(
        label: id,
        message: JMeterFailure.message(code: attributes.code, message: attributes.message, assertion: ""),
        atMs: startMs)
    }
    return .request
  }
}

/// The attributes of a sample element JMeter writes (`t`, `ts`, `s`, `lb`, `rc`, `rm`, `na`, `ng`).
private struct SampleAttributes {
  var elapsed: Int64?
  var startMs: Int64?
  var success = true
  /// The label's bytes, copied: the reader reuses its attribute buffers.
  var label: [UInt8] = []
  var code = ""
  var statusClass = StatusClass.noResponse
  /// `lt` (time to first byte) and `ct` (connect time), ms, when written.
  var firstByteMs: Int64?
  var connectMs: Int64?
  var message = ""
  var users: Int64?
  var groupUsers: Int64?
  /// A Transaction Controller parent (`rm` = "Number of samples in transaction…").
  var isTransaction = false

  /// Reads the reader's current element's attributes; the reader is left on an attribute
  /// (`xmlTextReaderMoveToElement` moves it back).
  init(_ reader: xmlTextReaderPtr) {
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
        label = Array(UnsafeBufferPointer(start: value, count: length))
      case (UInt8(ascii: "r"), UInt8(ascii: "c"), 0):
        code = field.string
        statusClass = StatusClassifier.classify(field)
      case (UInt8(ascii: "l"), UInt8(ascii: "t"), 0): firstByteMs = field.int
      case (UInt8(ascii: "c"), UInt8(ascii: "t"), 0): connectMs = field.int
      case (UInt8(ascii: "r"), UInt8(ascii: "m"), 0):
        isTransaction = field.hasPrefix("Number of samples in transaction")
        message = field.string
      case (UInt8(ascii: "n"), UInt8(ascii: "a"), 0): users = field.int
      case (UInt8(ascii: "n"), UInt8(ascii: "g"), 0): groupUsers = field.int
      default: break
      }
    }
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
