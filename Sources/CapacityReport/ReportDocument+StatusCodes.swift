import CapacityModel

extension ReportDocument {
  /// Raw request logs in report.json: the run's requests per status class (`runs[].status_codes`),
  /// summed over its windows; `ok`/`ko` only for logs without codes (Gatling).
  public struct StatusCodesEntry: Sendable, Equatable, Codable {
    public var informational: Int64
    public var success: Int64
    public var redirection: Int64
    public var clientError: Int64
    public var serverError: Int64
    public var noResponse: Int64
    public var ok: Int64?
    public var ko: Int64?
    /// The window length of the chart's per-second rates.
    public var windowS: Int

    enum CodingKeys: String, CodingKey {
      case informational = "1xx"
      case success = "2xx"
      case redirection = "3xx"
      case clientError = "4xx"
      case serverError = "5xx"
      case noResponse
      case ok
      case ko
      case windowS
    }

    init(_ series: StatusCodeSeries) {
      informational = series.total(.informational)
      success = series.total(.success)
      redirection = series.total(.redirection)
      clientError = series.total(.clientError)
      serverError = series.total(.serverError)
      noResponse = series.total(.noResponse)
      let ok = series.total(.okWithoutCode)
      let ko = series.total(.koWithoutCode)
      self.ok = ok + ko > 0 ? ok : nil
      self.ko = ok + ko > 0 ? ko : nil
      windowS = series.seconds
    }

    /// Each class with its requests, in `StatusClass` order.
    public var counts: [(StatusClass, Int64)] {
      [
        (.informational, informational), (.success, success), (.redirection, redirection),
        (.clientError, clientError), (.serverError, serverError), (.noResponse, noResponse),
        (.okWithoutCode, ok ?? 0), (.koWithoutCode, ko ?? 0),
      ]
    }
  }
}
