/// Rows of a raw request log that were read but not counted as requests of their own.
public struct SetAsideCount: Sendable, Equatable, Codable {
  public var reason: SetAsideReason
  public var count: Int64

  public init(reason: SetAsideReason, count: Int64) {
    self.reason = reason
    self.count = count
  }
}

/// Why a row of a raw request log was not counted.
public enum SetAsideReason: String, Sendable, Codable, CaseIterable, Comparable {
  /// A JMeter sub-result (a redirect hop or embedded resource) inside its parent sample.
  case subResult = "sub-result"
  /// A JMeter Transaction Controller parent, whose children are counted instead.
  case transactionParent = "transaction-parent"
  /// A request whose start time is before 2000 or after 2100: a broken clock or field.
  case implausibleTime = "implausible-time"
  /// A negative latency or one over a day.
  case implausibleLatency = "implausible-latency"

  /// Readable explanation for the report.
  public var explanation: String {
    switch self {
    case .subResult:
      "JMeter sub-results (redirect hops, embedded resources) are part of their parent sample"
    case .transactionParent:
      "Transaction Controller parents summarise samples that are counted on their own; they are "
        + "reported as transactions instead"
    case .implausibleTime:
      "start time before 2000 or after 2100: a broken clock or a corrupt timestamp field"
    case .implausibleLatency:
      "negative latency, or one over a day: not a response time"
    }
  }

  public static func < (lhs: SetAsideReason, rhs: SetAsideReason) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
