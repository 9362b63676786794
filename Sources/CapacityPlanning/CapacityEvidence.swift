import CapacityAnalysis
import CapacityModel

/// Evidence sentences from the saturation analysis: the capacity at the SLO and the saturation
/// point, for the answer's evidence list (the per-profile verdict itself is unchanged).
public struct CapacityEvidence: Sendable {
  /// Above this forecast error the USL fit is not trusted beyond the measured range.
  public var forecastErrorLimit: Double

  public init(forecastErrorLimit: Double = AnalysisThresholds().forecastErrorLimit) {
    self.forecastErrorLimit = forecastErrorLimit
  }

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
      if let forecast = analysis.forecast, !analysis.fitTrusted(limit: forecastErrorLimit) {
        parts.append(
          "the USL model fitted on the lighter half predicts the heavier half with a "
            + "\(NumberFormat.decimal(forecast.meanAbsoluteError * 100, places: 1)) % mean error (over "
            + "\(NumberFormat.percent(forecastErrorLimit, places: 0))), so it is not trusted beyond the measured "
            + "range: N* and X_max are not used and sizing uses the measured steps only")
      }
      guard !parts.isEmpty else { return nil }
      return "In \(analysis.source), " + parts.joined(separator: "; ") + "."
    }
  }
}
