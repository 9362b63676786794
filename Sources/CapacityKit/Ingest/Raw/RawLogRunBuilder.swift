import Foundation

/// Turns each raw request log (JMeter, k6, vegeta, Gatling) into a `Run` of its own.
public struct RawLogRunBuilder: Sendable {
  /// Latencies held exactly before every label switches to HDR histograms (8 bytes each).
  public var exactBudget: Int
  public var progress: (any IngestProgress)?

  public static let defaultExactBudget = 400_000_000

  public init(exactBudget: Int = RawLogRunBuilder.defaultExactBudget, progress: (any IngestProgress)? = nil) {
    self.exactBudget = exactBudget
    self.progress = progress
  }

  public func build(_ files: [InputFile]) throws(IngestError) -> [Run] {
    var runs: [Run] = []
    for file in files.sorted(by: { $0.path < $1.path }) {
      runs.append(try build(file))
    }
    return LocustRunAssembler.disambiguateNames(runs)
  }

  func build(_ file: InputFile) throws(IngestError) -> Run {
    var file = file
    let mapping = file.mapping ?? MappedFile(bytes: file.bytes)
    let counter = ProgressCounter(
      file: file.path, totalBytes: mapping.count, sink: mapping.count >= 32 << 20 ? progress : nil,
      mapping: file.mapping)
    defer { counter.finish() }
    let digest = Digest()
    var parsing = RawLogParsing(file: file, budget: exactBudget, progress: counter)
    if file.sha256.isEmpty { parsing.alongside = { digest.value = mapping.sha256() } }
    progress?.phase(.parsing, subject: file.path)
    let parsed = try parsing.parse(mapping.bytes)
    if file.sha256.isEmpty, digest.value.isEmpty { progress?.phase(.hashing, subject: file.path) }
    if file.sha256.isEmpty { file.sha256 = digest.value.isEmpty ? mapping.sha256() : digest.value }
    progress?.phase(.percentiles, subject: file.path)
    let summary = RawRunSummarizer().summarize(parsed.chunks)
    var diagnostics = parsed.diagnostics
    diagnostics += Self.locate(summary.warnings, in: mapping.bytes).map {
      Diagnostic(SourceLocation(file: file.path, line: $0.line), $0.message)
    }
    if summary.warningCount > summary.warnings.count {
      diagnostics.append(
        Diagnostic(
          SourceLocation(file: file.path),
          "\(summary.warningCount - summary.warnings.count) more malformed rows skipped"))
    }
    let name = URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent
    return Run(
      id: LocustRunAssembler.runID([file]), name: name, tool: parsed.tool, sourceFiles: [file.sourceFile],
      startedAt: summary.startedAt, endedAt: summary.endedAt, endpoints: summary.endpoints,
      total: summary.total, timeline: summary.timeline, historyKind: .perSecond, errors: summary.errors,
      diagnostics: diagnostics, latencyMethod: summary.method, setAside: summary.setAside)
  }

  /// 1-based line numbers of byte offsets, in one pass over the file.
  static func locate(_ warnings: [(offset: Int, message: String)], in bytes: UnsafeRawBufferPointer)
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

/// The file's hash, written by the side task while the parts are parsed.
private final class Digest: @unchecked Sendable {
  var value = ""
}
