import CapacityModel
import Foundation

/// Groups Locust files into runs by their `--csv` prefix and builds one `Run` per group.
///
/// Any subset of the four files makes a run. Files are grouped by directory and prefix; a file
/// whose name lacks Locust's suffix is a run of its own.
public struct LocustRunAssembler: Sendable {
  public init() {}

  public func assemble(_ files: [InputFile]) throws(IngestError) -> [Run] {
    var groups: [String: [InputFile]] = [:]
    for file in files { groups[groupKey(file), default: []].append(file) }
    var runs: [Run] = []
    for key in groups.keys.sorted() {
      runs.append(try build(key: key, files: groups[key] ?? []))
    }
    return Self.disambiguateNames(runs)
  }

  private func groupKey(_ file: InputFile) -> String {
    let url = URL(fileURLWithPath: file.path)
    let name = url.lastPathComponent
    let prefix =
      name.hasSuffix(file.kind.locustSuffix)
      ? String(name.dropLast(file.kind.locustSuffix.count))
      : url.deletingPathExtension().lastPathComponent
    return (file.path.contains("/") ? url.deletingLastPathComponent().path + "/" : "") + prefix
  }

  private func build(key: String, files: [InputFile]) throws(IngestError) -> Run {
    let parser = LocustFileParser()
    let sorted = files.sorted { $0.path < $1.path }
    var distribution: [String: [PercentileValue]] = [:]
    var run = Run(
      id: Self.runID(sorted), name: URL(fileURLWithPath: key).lastPathComponent, tool: .locust,
      sourceFiles: sorted.map(\.sourceFile))
    for file in sorted {
      switch file.kind {
      case .locustStats:
        let stats = try parser.parseStats(file.bytes, file: file.path)
        run.endpoints = stats.endpoints
        run.total = stats.total
        run.diagnostics += stats.diagnostics
      case .locustHistory:
        let history = try parser.parseHistory(file.bytes, file: file.path)
        run.timeline = history.timeline.sorted { $0.timestamp < $1.timestamp }
        run.historyKind = history.kind
        run.endpointTimelines = history.endpointTimelines
        run.diagnostics += history.diagnostics
      case .locustFailures:
        let failures = try parser.parseFailures(file.bytes, file: file.path)
        run.errors = failures.errors
        run.diagnostics += failures.diagnostics
      case .locustExceptions:
        let exceptions = try parser.parseExceptions(file.bytes, file: file.path)
        run.exceptions = exceptions.exceptions
        run.diagnostics += exceptions.diagnostics
      case .locustLegacyRequests:
        let stats = try LocustLegacyParser().parseRequests(file.bytes, file: file.path)
        run.endpoints = stats.endpoints
        run.total = stats.total
        run.diagnostics += stats.diagnostics
      case .locustLegacyDistribution:
        let parsed = try LocustLegacyParser().parseDistribution(file.bytes, file: file.path)
        distribution = parsed.percentiles
        run.diagnostics += parsed.diagnostics
      default:
        continue
      }
    }
    LocustLegacyParser.apply(distribution, to: &run)
    if run.total == nil, let last = run.timeline.last(where: { $0.totalRequests > 0 }) {
      run.total = totalFromHistory(last, run: run)
    }
    run.startedAt = run.timeline.first.map { Date(timeIntervalSince1970: Double($0.timestamp)) }
    run.endedAt = run.timeline.last.map { Date(timeIntervalSince1970: Double($0.timestamp)) }
    if run.startedAt == nil {
      run.startedAt = run.errors.compactMap(\.firstSeen).min()
      run.endedAt = run.errors.compactMap(\.lastSeen).max()
    }
    return run
  }

  /// Without a stats file, the last history row's cumulative totals stand in for the total row.
  /// Its percentiles cover the whole run only when the history is cumulative.
  private func totalFromHistory(_ last: TimelinePoint, run: Run) -> EndpointStats {
    let span = Double(last.timestamp - (run.timeline.first?.timestamp ?? last.timestamp))
    return EndpointStats(
      method: "", name: "Aggregated", requests: last.totalRequests, failures: last.totalFailures,
      requestsPerSecond: span > 0 ? Double(last.totalRequests) / span : 0,
      failuresPerSecond: span > 0 ? Double(last.totalFailures) / span : 0,
      percentiles: run.historyKind == .cumulative ? last.percentiles : [])
  }

  /// Two runs named alike (e.g. a renamed folder still holding `medium_*` files) get their
  /// folder name in front.
  package static func disambiguateNames(_ runs: [Run]) -> [Run] {
    var counts: [String: Int] = [:]
    for run in runs { counts[run.name, default: 0] += 1 }
    return runs.map { run in
      guard counts[run.name, default: 0] > 1, let path = run.sourceFiles.first?.path else { return run }
      var renamed = run
      let folder = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
      renamed.name = "\(folder)/\(run.name)"
      return renamed
    }
  }

  /// A run's identity is its content: the hashes of its files, sorted, hashed again.
  package static func runID(_ files: [InputFile]) -> String {
    InputFile.hexDigest(Array(files.map(\.sha256).sorted().joined(separator: "\n").utf8))
  }
}
