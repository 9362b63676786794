/// Evidence sentences from the saturation analysis: the capacity at the SLO and the saturation
/// point, for the answer's evidence list (the per-profile verdict itself is unchanged).
public struct CapacityEvidence: Sendable {
  public init() {}

  public func sentences(_ analyses: [SaturationAnalysis]) -> [String] {
    analyses.compactMap { analysis in
      var parts: [String] = []
      if let capacity = analysis.capacity {
        let users = NumberFormat.decimal(capacity.users, places: 0)
        let rps = NumberFormat.decimal(capacity.throughput, places: 1)
        switch capacity.bound {
        case .interpolated:
          parts.append(
            "capacity at the SLO is about \(users) users (\(rps) req/s), limited by "
              + (capacity.limitedBy?.description ?? "the SLO"))
        case .atLeast:
          parts.append(
            "every step met the SLO, so capacity at the SLO is at least \(users) users (\(rps) req/s)")
        case .below:
          parts.append(
            "the lightest step (\(users) users) already broke "
              + (capacity.limitedBy?.description ?? "the SLO"))
        }
      }
      if let point = analysis.saturationPoint {
        parts.append("it saturates at \(point.users) users (\(point.rule.label))")
      }
      guard !parts.isEmpty else { return nil }
      return "In \(analysis.source), " + parts.joined(separator: "; ") + "."
    }
  }
}
