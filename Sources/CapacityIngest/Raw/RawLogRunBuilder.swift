import CapacityModel
import Foundation

/// Turns raw request logs (JMeter, k6, vegeta, Gatling) into runs: one per session of each file
/// (runs appended to one results file are split at gaps without samples), or, with `merge`, one
/// over all files (one per load generator of a distributed test).
public struct RawLogRunBuilder: Sendable {
  /// Latencies held exactly before every label switches to HDR histograms (12 bytes each: the
  /// latency and its second).
  public var exactBudget: Int
  public var progress: (any IngestProgress)?
  /// Seconds without samples that split a file into sessions; 0 never splits.
  public var sessionGap: Int64
  /// Read all raw logs as one run (several load generators of one test).
  public var merge: Bool
  /// Column names for header-less JMeter CSV files (`--jtl-columns`), in file order.
  public var jtlColumns: [String]?

  public static let defaultExactBudget = 400_000_000
  public static let defaultSessionGap = RequestAccumulator.defaultSessionGap
  /// More sessions than this in one file is a gap set too small, not that many runs.
  package static let maximumSessions = 100

  public init(
    exactBudget: Int = RawLogRunBuilder.defaultExactBudget, progress: (any IngestProgress)? = nil,
    sessionGap: Int64 = RawLogRunBuilder.defaultSessionGap, merge: Bool = false, jtlColumns: [String]? = nil
  ) {
    self.exactBudget = exactBudget
    self.progress = progress
    self.sessionGap = sessionGap
    self.merge = merge
    self.jtlColumns = jtlColumns
  }

  public func build(_ files: [InputFile]) throws(IngestError) -> [Run] {
    let sorted = files.sorted { $0.path < $1.path }
    if merge, sorted.count > 1 { return try build(group: sorted) }
    var runs: [Run] = []
    for file in sorted { runs += try build(group: [file]) }
    return LocustRunAssembler.disambiguateNames(MergeHint.annotate(runs))
  }

  /// A parsed file: its mapping and accumulators, and its hash once `settle` has waited for it.
  private struct ParsedFile {
    var file: InputFile
    var mapping: MappedFile
    var parsed: RawLogParsing.Parsed
    /// The hash still being worked out; nil when the input came with one.
    var digest: PendingDigest?

    /// Takes the hash and checks the file did not change while it was parsed and hashed.
    mutating func settle() throws(IngestError) {
      if let digest { file.sha256 = digest.wait() }
      digest = nil
      try mapping.verifyUnchanged()
    }
  }

  private func parse(_ file: InputFile) throws(IngestError) -> ParsedFile {
    let mapping = file.mapping ?? MappedFile(bytes: file.bytes)
    let counter = ProgressCounter(
      file: file.path, totalBytes: mapping.count, sink: mapping.count >= 32 << 20 ? progress : nil,
      mapping: file.mapping)
    defer { counter.finish() }
    var parsing = RawLogParsing(
      file: file, budget: exactBudget, progress: counter, sessionGap: sessionGap, jtlColumns: jtlColumns)
    // Hashed on another core while the file is parsed, and waited for only once the runs are
    // summarised; a format whose parse runs no side task is hashed by the wait.
    let digest = file.sha256.isEmpty ? PendingDigest(mapping) : nil
    if let digest { parsing.alongside = { digest.run() } }
    progress?.phase(.parsing, subject: file.path)
    let parsed = try parsing.parse(mapping.bytes)
    return ParsedFile(file: file, mapping: mapping, parsed: parsed, digest: digest)
  }

  /// The runs of one file, or of several merged: one per session, in time order.
  private func build(group: [InputFile]) throws(IngestError) -> [Run] {
    var parsedFiles: [ParsedFile] = []
    for file in group { parsedFiles.append(try parse(file)) }
    let tools = Set(parsedFiles.map(\.parsed.tool))
    guard tools.count == 1, let tool = tools.first else {
      throw .unsupported(
        path: group.map(\.path).joined(separator: ", "),
        reason: "--merge needs raw logs of one tool; these come from "
          + tools.map(\.rawValue).sorted().joined(separator: " and "))
    }
    var chunks: [RequestAccumulator] = []
    var sources: [Int] = []
    for (index, parsed) in parsedFiles.enumerated() {
      chunks += parsed.parsed.chunks
      sources += repeatElement(index, count: parsed.parsed.chunks.count)
    }
    let sessions = RawRunSummarizer.sessions(chunks, gap: sessionGap).count
    guard sessions <= Self.maximumSessions else {
      for index in chunks.indices { chunks[index].release() }
      throw .unsupported(
        path: group.map(\.path).joined(separator: ", "),
        reason: "it splits into \(sessions) sessions at gaps over \(RunOrigin.duration(sessionGap)) without "
          + "samples (at most \(Self.maximumSessions) are read as runs); pass a larger --session-gap, or "
          + "--session-gap 0 to read it as one run")
    }
    progress?.phase(.percentiles, subject: group[0].path)
    let summaries = RawRunSummarizer().summarizeSessions(chunks, gap: sessionGap, sources: sources)
    progress?.phase(.hashing, subject: group[0].path)
    for index in parsedFiles.indices { try parsedFiles[index].settle() }
    let inputs = parsedFiles.map(\.file)
    let baseID = LocustRunAssembler.runID(inputs)
    let baseName =
      inputs.count == 1
      ? Self.name(inputs[0].path) : inputs.map { Self.name($0.path) }.joined(separator: "+")
    return summaries.enumerated().map { index, summary in
      var diagnostics = index == 0 ? parsedFiles.flatMap(\.parsed.diagnostics) : []
      diagnostics += warnings(summary, parsedFiles)
      var run = Run(
        id: summaries.count == 1 ? baseID : InputFile.hexDigest(Array("\(baseID)#\(index + 1)".utf8)),
        name: summaries.count == 1 ? baseName : "\(baseName)#\(index + 1)", tool: tool,
        sourceFiles: inputs.map(\.sourceFile), startedAt: summary.startedAt, endedAt: summary.endedAt,
        endpoints: summary.endpoints, total: summary.total, timeline: summary.timeline,
        historyKind: .perSecond, errors: summary.errors, diagnostics: diagnostics,
        latencyMethod: summary.method, setAside: summary.setAside)
      run.requestMarks = summary.marks
      run.transactions = summary.transactions
      run.requestWindows = summary.requestWindows
      run.latencyCounts = summary.latencyCounts
      run.statusCodes = summary.statusCodes
      run.timings = summary.timings
      if summaries.count > 1 || inputs.count > 1 {
        run.origin = RunOrigin(
          session: index + 1, sessions: summaries.count, sessionGapSeconds: sessionGap,
          generators: inputs.count > 1
            ? inputs.indices.map {
              GeneratorCount(path: inputs[$0].path, requests: summary.requestsBySource[safe: $0] ?? 0)
            } : [])
      }
      return run
    }
  }

  /// The session's malformed-row warnings as `file:line` diagnostics.
  private func warnings(_ summary: RawRunSummarizer.Summary, _ files: [ParsedFile]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (source, parsed) in files.enumerated() {
      let own = summary.warnings.indices.filter { (summary.warningSources[safe: $0] ?? 0) == source }
      diagnostics += Self.locate(own.map { summary.warnings[$0] }, in: parsed.mapping.bytes).map {
        Diagnostic(SourceLocation(file: parsed.file.path, line: $0.line), $0.message)
      }
    }
    if let folded = summary.folded, let first = files.first {
      diagnostics.append(
        Diagnostic(
          SourceLocation(file: first.file.path),
          "more than \(RequestAccumulator.maximumLabels) distinct request labels: the \(folded.labels) rarest "
            + "(\(folded.requests) requests) are counted together as \(RequestAccumulator.otherLabel)"))
    }
    if summary.warningCount > summary.warnings.count, let first = files.first {
      diagnostics.append(
        Diagnostic(
          SourceLocation(file: first.file.path),
          "\(summary.warningCount - summary.warnings.count) more malformed rows skipped"))
    }
    return diagnostics
  }

  package static func name(_ path: String) -> String {
    var url = URL(fileURLWithPath: path)
    if url.pathExtension == "gz" { url.deletePathExtension() }
    return url.deletingPathExtension().lastPathComponent
  }

  /// 1-based line numbers of byte offsets, in one pass over the file.
  package static func locate(_ warnings: [(offset: Int, message: String)], in bytes: UnsafeRawBufferPointer)
    -> [(line: Int, message: String)]
  {
    let sorted = warnings.sorted { $0.offset < $1.offset }
    var result: [(line: Int, message: String)] = []
    var line = 1
    var position = 0
    for warning in sorted {
      let target = min(warning.offset, bytes.count)
      while position < target {
        if bytes[position] == ByteScanning.newline { line += 1 }
        position += 1
      }
      result.append((line, warning.message))
    }
    return result
  }
}

extension Array {
  fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
