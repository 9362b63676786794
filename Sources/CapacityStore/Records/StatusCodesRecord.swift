import CapacityModel

/// A row of `status_code_windows`: one raw log's requests per status class per request window.
package struct StatusCodesRecord: RunChildRecord {
  package static let databaseTableName = "status_code_windows"
  package var runId: String
  package var position: Int
  package var windowS: Int
  package var start: Int64
  /// The classes of each window's counts, by `StatusClass` raw value, so a later class added to
  /// the enum does not shift the stored columns.
  package var classes: [Int]
  package var windows: [[Int64]]

  package init(runId: String, _ series: StatusCodeSeries) {
    self.runId = runId
    position = 0
    windowS = series.seconds
    start = series.start
    classes = StatusClass.allCases.map(\.rawValue)
    windows = series.windows
  }

  /// The series with its counts put back in `StatusClass.allCases` order (a class the row does not
  /// know counts 0; one the model no longer knows is dropped).
  package var series: StatusCodeSeries {
    let columns = StatusClass.allCases.map { classes.firstIndex(of: $0.rawValue) }
    return StatusCodeSeries(
      seconds: windowS, start: start,
      windows: windows.map { row in
        columns.map { $0.flatMap { row.indices.contains($0) ? row[$0] : nil } ?? 0 }
      })
  }
}
