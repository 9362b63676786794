import CapacityModel

/// A byte parser that reads the records starting in `start..<limit` and returns where the next
/// record starts, so a file can be parsed in parts on several cores.
package protocol ChunkParser: Sendable {
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
package struct RawLogParsing {
  package struct Parsed {
    package var tool: LoadTool
    package var chunks: [RequestAccumulator]
    package var diagnostics: [Diagnostic] = []
  }

  package let file: InputFile
  package let budget: Int
  package let progress: ProgressCounter
  /// Seconds without samples that start a new session; 0 never splits.
  package var sessionGap: Int64 = RequestAccumulator.defaultSessionGap
  /// Column names for a header-less JMeter CSV (`--jtl-columns`).
  package var jtlColumns: [String]?
  /// Work to run on another core meanwhile (hashing the file).
  package var alongside: (@Sendable () -> Void)?

  /// Runs a line-oriented parser over the file in parts on all cores, each into its own accumulator.
  private func parseInParts(_ parser: some ChunkParser, _ bytes: UnsafeRawBufferPointer, start: Int)
    -> [RequestAccumulator]
  {
    let shared = Unchecked(value: bytes)
    let partBudget = max(1, budget / ChunkedParse.defaultParts)
    let counter = progress
    let gap = sessionGap
    return ChunkedParse.run(bytes: bytes, start: start, alongside: alongside) { start, limit in
      var accumulator = RequestAccumulator(exactBudget: partBudget, sessionGap: gap)
      let stopped = parser.parse(
        shared.value, start: start, limit: limit, into: &accumulator, progress: counter)
      return (accumulator, stopped)
    }
  }

  package func parse(_ bytes: UnsafeRawBufferPointer) throws(IngestError) -> Parsed {
    let path = file.path
    switch file.kind {
    case .jmeterCSV:
      return try parseJTLCSV(bytes)
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
      return try parseGatling(bytes)
    case .jmeterXML:
      var accumulator = RequestAccumulator(exactBudget: budget, sessionGap: sessionGap)
      let counter = progress
      let diagnostics = Concurrently.alongside(alongside) {
        JTLXMLParser().parse(bytes, file: path, into: &accumulator, progress: counter)
      }
      return Parsed(tool: .jmeter, chunks: [accumulator], diagnostics: diagnostics)
    case .gatlingBinary:
      throw .unsupported(
        path: path,
        reason: "a binary simulation.log, the format Gatling writes since 3.12.1 (gatling/gatling#4596; "
          + "3.12.0 and earlier, e.g. 3.10, write the text log read here), which only the Gatling version "
          + "that wrote it can read; re-run the simulation with Gatling 3.12.0 or earlier to analyse its "
          + "requests, or read the HTML report that run produced")
    case .vegetaBinary:
      let csv = RawLogRunBuilder.name(path) + ".csv"
      throw .unsupported(
        path: path,
        reason: "vegeta's binary (gob) attack output; convert it with `vegeta encode --to csv --output "
          + "\(csv) \(path)` and pass \(csv)")
    default:
      throw .unrecognized(path: path)
    }
  }

  /// A JMeter CSV results file, with or without its header line; notes what the layout lacks.
  private func parseJTLCSV(_ bytes: UnsafeRawBufferPointer) throws(IngestError) -> Parsed {
    let path = file.path
    let (firstLine, dataStart) = Self.firstLine(bytes)
    guard var layout = JTLCSVLayout(firstLine: firstLine) else { throw .unrecognized(path: path) }
    var diagnostics: [Diagnostic] = []
    if !layout.hasHeader {
      let chosen = try JTLHeaderlessLayout.resolve(
        bytes, start: Self.bomLength(bytes), delimiter: layout.delimiter, path: path, columns: jtlColumns)
      layout = chosen.0
      diagnostics.append(Diagnostic(SourceLocation(file: path, line: 1), "no header line: \(chosen.1)"))
    }
    let missing = layout.missingRequired
    guard missing.isEmpty else { throw .missingColumns(path: path, columns: missing) }
    let parser = JTLCSVParser(layout: layout)
    let chunks = parseInParts(parser, bytes, start: layout.hasHeader ? dataStart : Self.bomLength(bytes))
    for duplicate in layout.duplicates {
      diagnostics.append(
        Diagnostic(SourceLocation(file: path, line: 1), "duplicate column: \(duplicate); the first is read"))
    }
    if layout.derivesSuccess {
      diagnostics.append(
        Diagnostic(
          SourceLocation(file: path, line: 1),
          "no success column: a request counts as failed when its responseCode is not 2xx or 3xx"))
    }
    return Parsed(tool: .jmeter, chunks: chunks, diagnostics: diagnostics)
  }

  /// A Gatling text simulation.log, read in one part; a 1.x log is refused.
  private func parseGatling(_ bytes: UnsafeRawBufferPointer) throws(IngestError) -> Parsed {
    var accumulator = RequestAccumulator(exactBudget: budget, sessionGap: sessionGap)
    let counter = progress
    let outcome = Concurrently.alongside(alongside) {
      GatlingLogParser().parse(bytes, into: &accumulator, progress: counter)
    }
    if outcome.legacyRecords > 0, accumulator.perLabel.isEmpty {
      accumulator.release()
      throw .unsupported(
        path: file.path,
        reason: "a Gatling 1.x simulation.log (\(outcome.legacyRecords) ACTION records): its record layout "
          + "changed in 2.0 and is not read here; re-run the simulation with Gatling 2.0 or later")
    }
    return Parsed(tool: .gatling, chunks: [accumulator])
  }

  package static func bomLength(_ bytes: UnsafeRawBufferPointer) -> Int {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
  }

  /// The first line (without BOM and line break) and the offset just after it.
  package static func firstLine(_ bytes: UnsafeRawBufferPointer) -> (String, Int) {
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
