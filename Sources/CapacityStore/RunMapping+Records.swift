import CapacityModel
import Foundation

extension RunMapping {
  /// Every row of one run, ready to insert in one transaction.
  package static func records(of run: Run, ingestedAt: Date) -> Rows {
    let id = run.id
    var rows = Rows(
      run: runRecord(run, ingestedAt: ingestedAt),
      files: run.sourceFiles.enumerated().map { position, file in
        SourceFileRecord(
          runId: id, position: position, path: file.path, role: file.role, sha256: file.sha256,
          bytes: file.bytes)
      },
      endpoints: endpointRecords(run), timeline: timelineRecords(run),
      endpointTimeline: endpointTimelineRecords(run), errors: errorRecords(run),
      exceptions: run.exceptions.enumerated().map { position, exception in
        ExceptionGroupRecord(
          runId: id, position: position, count: exception.count, message: exception.message,
          traceback: exception.traceback, nodes: exception.nodes)
      },
      diagnostics: run.diagnostics.enumerated().map { position, diagnostic in
        DiagnosticRecord(
          runId: id, position: position, file: diagnostic.location.file,
          line: diagnostic.location.line, message: diagnostic.message)
      })
    rows.setAside = run.setAside.enumerated().map { position, entry in
      SetAsideRecord(runId: id, position: position, reason: entry.reason.rawValue, count: entry.count)
    }
    rows.marks = run.requestMarks.map { RequestMarksRecord(runId: id, marks: $0) }
    rows.transactions = run.transactions.enumerated().map { position, stats in
      TransactionStatRecord(runId: id, position: position, name: stats.name, stats: stats)
    }
    rows.requestWindows = run.requestWindows.enumerated().map {
      RequestWindowRecord(runId: id, position: $0, $1)
    }
    rows.latencyCounts = run.latencyCounts.enumerated().map {
      LatencyCountsRecord(runId: id, position: $0, $1)
    }
    rows.statusCodes = run.statusCodes.map { [StatusCodesRecord(runId: id, $0)] } ?? []
    rows.timings = run.timings.enumerated().map { RequestTimingRecord(runId: id, position: $0, $1) }
    return rows
  }

  private static func runRecord(_ run: Run, ingestedAt: Date) -> RunRecord {
    var record = RunRecord(
      id: run.id, name: run.name, tool: run.tool.rawValue,
      startedAt: run.startedAt?.timeIntervalSince1970, endedAt: run.endedAt?.timeIntervalSince1970,
      historyKind: run.historyKind.rawValue, ingestedAt: ingestedAt.timeIntervalSince1970)
    record.latencyMethod = run.latencyMethod?.rawValue
    record.origin = run.origin.flatMap { try? JSONEncoder().encode($0) }.map {
      String(decoding: $0, as: UTF8.self)
    }
    return record
  }

  /// The tool's total row (position −1) and each endpoint's.
  private static func endpointRecords(_ run: Run) -> [EndpointStatRecord] {
    func endpoint(_ stats: EndpointStats, _ position: Int) -> EndpointStatRecord {
      EndpointStatRecord(
        runId: run.id, position: position, method: stats.method, name: stats.name,
        requests: stats.requests, failures: stats.failures, medianMs: stats.medianMs,
        averageMs: stats.averageMs, minMs: stats.minMs, maxMs: stats.maxMs,
        averageContentBytes: stats.averageContentBytes, requestsPerSecond: stats.requestsPerSecond,
        failuresPerSecond: stats.failuresPerSecond, percentiles: stats.percentiles)
    }
    return (run.total.map { [endpoint($0, -1)] } ?? []) + run.endpoints.enumerated().map { endpoint($1, $0) }
  }

  private static func timelineRecords(_ run: Run) -> [TimelinePointRecord] {
    run.timeline.enumerated().map { position, point in
      TimelinePointRecord(runId: run.id, position: position, point: point)
    }
  }

  /// Every endpoint's history points, numbered across endpoints.
  private static func endpointTimelineRecords(_ run: Run) -> [EndpointTimelinePointRecord] {
    run.endpointTimelines.flatMap { endpoint in
      endpoint.points.map { (endpoint, $0) }
    }.enumerated().map { position, entry in
      let (endpoint, point) = entry
      return EndpointTimelinePointRecord(
        runId: run.id, position: position, method: endpoint.method, name: endpoint.name, point: point)
    }
  }

  private static func errorRecords(_ run: Run) -> [ErrorGroupRecord] {
    run.errors.enumerated().map { position, error in
      ErrorGroupRecord(
        runId: run.id, position: position, method: error.method, name: error.name,
        message: error.message, occurrences: error.occurrences,
        firstSeen: error.firstSeen?.timeIntervalSince1970,
        lastSeen: error.lastSeen?.timeIntervalSince1970)
    }
  }
}
