/// Whether a run can be used as evidence, and why.
public struct Validity: Sendable, Equatable {
  public var verdict: ValidityVerdict
  public var reasons: [String]

  public init(verdict: ValidityVerdict, reasons: [String]) {
    self.verdict = verdict
    self.reasons = reasons
  }
}

/// VALID runs count; DEGRADED runs count with a caveat; INVALID runs are excluded from the answer.
public enum ValidityVerdict: String, Sendable, Codable, Comparable {
  case valid = "VALID"
  case degraded = "DEGRADED"
  case invalid = "INVALID"

  public static func < (lhs: ValidityVerdict, rhs: ValidityVerdict) -> Bool {
    let order: [ValidityVerdict] = [.valid, .degraded, .invalid]
    return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
  }
}
