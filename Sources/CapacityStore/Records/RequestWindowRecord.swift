import CapacityModel

/// A row of `request_window_series`: one raw log's 5 s windows, of all requests or one endpoint.
package struct RequestWindowRecord: RunChildRecord {
  package static let databaseTableName = "request_window_series"
  package var runId: String
  package var position: Int
  package var method: String
  package var name: String
  package var isTotal: Bool
  package var windowS: Int
  package var start: Int64
  package var windows: [RequestWindow]

  package init(runId: String, position: Int, _ series: RequestWindowSeries) {
    self.runId = runId
    self.position = position
    method = series.method
    name = series.name
    isTotal = series.isTotal
    windowS = series.seconds
    start = series.start
    windows = series.windows
  }

  package var series: RequestWindowSeries {
    RequestWindowSeries(
      method: method, name: name, isTotal: isTotal, seconds: windowS, start: start, windows: windows)
  }
}
