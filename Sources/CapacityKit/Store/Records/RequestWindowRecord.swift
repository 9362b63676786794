/// A row of `request_window_series`: one raw log's 5 s windows, of all requests or one endpoint.
struct RequestWindowRecord: RunChildRecord {
  static let databaseTableName = "request_window_series"
  var runId: String
  var position: Int
  var method: String
  var name: String
  var isTotal: Bool
  var windowS: Int
  var start: Int64
  var windows: [RequestWindow]

  init(runId: String, position: Int, _ series: RequestWindowSeries) {
    self.runId = runId
    self.position = position
    method = series.method
    name = series.name
    isTotal = series.isTotal
    windowS = series.seconds
    start = series.start
    windows = series.windows
  }

  var series: RequestWindowSeries {
    RequestWindowSeries(
      method: method, name: name, isTotal: isTotal, seconds: windowS, start: start, windows: windows)
  }
}
