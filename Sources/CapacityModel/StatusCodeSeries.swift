/// A raw request log's requests per status class (`StatusClass`) in the windows of its
/// `RequestWindowSeries` (5 s, longer for very long runs), by each request's start second. Locust
/// runs have none: its CSVs carry no per-request status.
public struct StatusCodeSeries: Sendable, Equatable, Codable {
  /// Window length, seconds.
  public var seconds: Int
  /// Unix second the first window starts at; window `i` starts `i × seconds` later.
  public var start: Int64
  /// Per window, the requests of each class in `StatusClass.allCases` order.
  public var windows: [[Int64]]

  public init(seconds: Int, start: Int64, windows: [[Int64]]) {
    self.seconds = seconds
    self.start = start
    self.windows = windows
  }

  /// The run's requests of `statusClass` over all windows.
  public func total(_ statusClass: StatusClass) -> Int64 {
    windows.reduce(0) { $0 + ($1.count > statusClass.rawValue ? $1[statusClass.rawValue] : 0) }
  }

  /// Requests counted in any class.
  public var requests: Int64 { StatusClass.allCases.reduce(0) { $0 + total($1) } }

  /// The classes with at least one request, in `StatusClass` order.
  public var presentClasses: [StatusClass] { StatusClass.allCases.filter { total($0) > 0 } }
}
