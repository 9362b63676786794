import CapacityModel
import Foundation
import GRDB

/// Converts between the `Run` model and its rows.
package enum RunMapping {
  /// Every row of one run, ready to insert in one transaction.
  package struct Rows {
    package var run: RunRecord
    package var files: [SourceFileRecord]
    package var endpoints: [EndpointStatRecord]
    package var timeline: [TimelinePointRecord]
    package var endpointTimeline: [EndpointTimelinePointRecord]
    package var errors: [ErrorGroupRecord]
    package var exceptions: [ExceptionGroupRecord]
    package var diagnostics: [DiagnosticRecord]
    package var setAside: [SetAsideRecord] = []
    package var marks: RequestMarksRecord?
    package var transactions: [TransactionStatRecord] = []
    package var requestWindows: [RequestWindowRecord] = []
    package var latencyCounts: [LatencyCountsRecord] = []
    package var statusCodes: [StatusCodesRecord] = []
    package var timings: [RequestTimingRecord] = []

    /// The tables in insertion order (the run first, its children after).
    package func tables() throws -> [TableRows] {
      [
        try TableRows([run]), try TableRows(files), try TableRows(endpoints), try TableRows(timeline),
        try TableRows(endpointTimeline), try TableRows(errors), try TableRows(exceptions),
        try TableRows(diagnostics), try TableRows(setAside), try TableRows(marks.map { [$0] } ?? []),
        try TableRows(transactions), try TableRows(requestWindows), try TableRows(latencyCounts),
        try TableRows(statusCodes), try TableRows(timings),
      ]
    }
  }

  /// The run `record` heads, its child rows read from `db` (a GRDB database or PostgreSQL).
  package static func run(from record: RunRecord, in db: some RunRowSource) throws -> Run {
    let id = record.id
    func stats(_ row: EndpointStatRecord) -> EndpointStats {
      EndpointStats(
        method: row.method, name: row.name, requests: row.requests, failures: row.failures,
        medianMs: row.medianMs, averageMs: row.averageMs, minMs: row.minMs, maxMs: row.maxMs,
        averageContentBytes: row.averageContentBytes, requestsPerSecond: row.requestsPerSecond,
        failuresPerSecond: row.failuresPerSecond, percentiles: row.percentiles)
    }
    var endpointTimelines: [EndpointTimeline] = []
    for record in try EndpointTimelinePointRecord.all(ofRun: id, in: db) {
      let point = record.point
      if endpointTimelines.last?.method == record.method, endpointTimelines.last?.name == record.name {
        endpointTimelines[endpointTimelines.count - 1].points.append(point)
      } else {
        endpointTimelines.append(EndpointTimeline(method: record.method, name: record.name, points: [point]))
      }
    }
    let endpointRows = try EndpointStatRecord.all(ofRun: id, in: db)
    var run = Run(
      id: id, name: record.name, tool: LoadTool(rawValue: record.tool) ?? .locust,
      sourceFiles: try SourceFileRecord.all(ofRun: id, in: db).map {
        SourceFile(path: $0.path, role: $0.role, sha256: $0.sha256, bytes: $0.bytes)
      },
      startedAt: record.startedAt.map(Date.init(timeIntervalSince1970:)),
      endedAt: record.endedAt.map(Date.init(timeIntervalSince1970:)),
      endpoints: endpointRows.filter { $0.position >= 0 }.map(stats),
      total: endpointRows.first { $0.position == -1 }.map(stats),
      timeline: try TimelinePointRecord.all(ofRun: id, in: db).map(\.point),
      historyKind: HistoryKind(rawValue: record.historyKind) ?? .none,
      errors: try ErrorGroupRecord.all(ofRun: id, in: db).map {
        ErrorRecord(
          method: $0.method, name: $0.name, message: $0.message, occurrences: $0.occurrences,
          firstSeen: $0.firstSeen.map(Date.init(timeIntervalSince1970:)),
          lastSeen: $0.lastSeen.map(Date.init(timeIntervalSince1970:)))
      },
      exceptions: try ExceptionGroupRecord.all(ofRun: id, in: db).map {
        ExceptionRecord(count: $0.count, message: $0.message, traceback: $0.traceback, nodes: $0.nodes)
      },
      diagnostics: try DiagnosticRecord.all(ofRun: id, in: db).map {
        Diagnostic(SourceLocation(file: $0.file, line: $0.line), $0.message)
      },
      latencyMethod: record.latencyMethod.flatMap(PercentileMethod.init(rawValue:)),
      setAside: try SetAsideRecord.all(ofRun: id, in: db).compactMap { row in
        SetAsideReason(rawValue: row.reason).map { SetAsideCount(reason: $0, count: row.count) }
      })
    run.endpointTimelines = endpointTimelines
    run.requestMarks = try RequestMarksRecord.all(ofRun: id, in: db).first?.marks
    run.transactions = try TransactionStatRecord.all(ofRun: id, in: db).map(\.stats)
    run.origin = record.origin.flatMap { try? JSONDecoder().decode(RunOrigin.self, from: Data($0.utf8)) }
    run.requestWindows = try RequestWindowRecord.all(ofRun: id, in: db).map(\.series)
    run.latencyCounts = try LatencyCountsRecord.all(ofRun: id, in: db).map(\.latencyCounts)
    run.statusCodes = try StatusCodesRecord.all(ofRun: id, in: db).first?.series
    run.timings = try RequestTimingRecord.all(ofRun: id, in: db).compactMap(\.timing)
    return run
  }
}
