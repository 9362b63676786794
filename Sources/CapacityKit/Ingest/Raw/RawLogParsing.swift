/// A byte parser that reads the records starting in `start..<limit` and returns where the next
/// record starts, so a file can be parsed in parts on several cores.
protocol ChunkParser: Sendable {
  func parse(
    _ bytes: UnsafeRawBufferPointer, start: Int, limit: Int, into accumulator: inout RequestAccumulator,
    progress: ProgressCounter?
  ) -> Int
}

extension JTLCSVParser: ChunkParser {}
extension K6CSVParser: ChunkParser {}
extension K6JSONParser: ChunkParser {}
extension VegetaParser: ChunkParser {}

/// Picks the parser for a raw log's kind and runs it over the mapped bytes.
struct RawLogParsing {
  struct Parsed {
    var tool: LoadTool
    var chunks: [RequestAccumulator]
    var diagnostics: [Diagnostic] = []
  }

  let file: InputFile
  let budget: Int
  let progress: ProgressCounter
  /// Work to run on another core meanwhile (hashing the file).
  var alongside: (@Sendable () -> Void)?
  /// Start times counted; the rest are set aside.
  var span = PlausibleSpan.all

  /// Runs a line-oriented parser over the file in parts on all cores, each into its own accumulator.
  private func parseInParts(_ parser: some ChunkParser, _ bytes: UnsafeRawBufferPointer, start: Int)
    -> [RequestAccumulator]
  {
    let shared = Unchecked(value: bytes)
    let partBudget = max(1, budget / ChunkedParse.defaultParts)
    let counter = progress
    let span = span
    return ChunkedParse.run(bytes: bytes, start: start, alongside: alongside) { start, limit in
      var accumulator = RequestAccumulator(exactBudget: partBudget, span: span)
      let stopped = parser.parse(
        shared.value, start: start, limit: limit, into: &accumulator, progress: counter)
      return (accumulator, stopped)
    }
  }

  func parse(_ bytes: UnsafeRawBufferPointer) throws(IngestError) -> Parsed {
    let path = file.path
    let counter = progress
    switch file.kind {
    case .jmeterCSV:
      let (firstLine, dataStart) = Self.firstLine(bytes)
      guard let layout = JTLCSVLayout(firstLine: firstLine) else { throw .unrecognized(path: path) }
      let missing = layout.missingRequired
      guard missing.isEmpty else { throw .missingColumns(path: path, columns: missing) }
      let parser = JTLCSVParser(layout: layout)
      let chunks = parseInParts(parser, bytes, start: layout.hasHeader ? dataStart : Self.bomLength(bytes))
      var diagnostics: [Diagnostic] = []
      for duplicate in layout.duplicates {
        diagnostics.append(
          Diagnostic(SourceLocation(file: path, line: 1), "duplicate column: \(duplicate); the first is read")
        )
      }
      if layout.derivesSuccess {
        diagnostics.append(
          Diagnostic(
            SourceLocation(file: path, line: 1),
            "no success column: a request counts as failed when its responseCode is not 2xx or 3xx"))
      }
      if !layout.hasHeader {
        diagnostics.append(
          Diagnostic(
            SourceLocation(file: path, line: 1), "no header line: read with JMeter 5.x's default columns"))
      }
      return Parsed(tool: .jmeter, chunks: chunks, diagnostics: diagnostics)
    case .k6CSV:
      let (header, dataStart) = Self.firstLine(bytes)
      let parser = try K6CSVParser(header: header)
      let missing = parser.missingRequired
      guard missing.isEmpty else { throw .missingColumns(path: path, columns: missing) }
      return Parsed(tool: .k6, chunks: parseInParts(parser, bytes, start: dataStart))
    case .k6JSON:
      return Parsed(tool: .k6, chunks: parseInParts(K6JSONParser(), bytes, start: 0))
    case .vegetaCSV:
      return Parsed(tool: .vegeta, chunks: parseInParts(VegetaParser(), bytes, start: 0))
    case .gatlingLog:
      var accumulator = RequestAccumulator(exactBudget: budget, span: span)
      _ = ChunkedParse.alongside(alongside) {
        GatlingLogParser().parse(bytes, into: &accumulator, progress: counter)
      }
      return Parsed(tool: .gatling, chunks: [accumulator])
    case .jmeterXML:
      var accumulator = RequestAccumulator(exactBudget: budget, span: span)
      let diagnostics = ChunkedParse.alongside(alongside) {
        JTLXMLParser().parse(bytes, file: path, into: &accumulator, progress: counter)
      }
      return Parsed(tool: .jmeter, chunks: [accumulator], diagnostics: diagnostics)
    case .gatlingBinary:
      throw .unsupported(
        path: path,
        reason: "a binary simulation.log from Gatling 3.13 or later, which only the Gatling version "
          + "that wrote it can read; re-run the simulation with Gatling 3.12 or earlier (text log) "
          + "to analyse its requests")
    default:
      throw .unrecognized(path: path)
    }
  }

  static func bomLength(_ bytes: UnsafeRawBufferPointer) -> Int {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
  }

  /// The first line (without BOM and line break) and the offset just after it.
  static func firstLine(_ bytes: UnsafeRawBufferPointer) -> (String, Int) {
    let start = bomLength(bytes)
    var end = start
    while end < bytes.count, bytes[end] != ByteScanning.newline, bytes[end] != ByteScanning.carriageReturn {
      end += 1
    }
    let line = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    var next = end
    if next < bytes.count, bytes[next] == ByteScanning.carriageReturn { next += 1 }
    if next < bytes.count, bytes[next] == ByteScanning.newline { next += 1 }
    return (line, next)
  }
}
