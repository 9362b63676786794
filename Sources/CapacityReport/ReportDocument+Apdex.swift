import CapacityAnalysis
import CapacityModel

extension ReportDocument {
  /// APDEX in report.json: `score` (0–1, 3 places) and the counts behind it.
  public struct ApdexEntry: Sendable, Equatable, Codable {
    public var score: Double
    public var satisfied: Int64
    public var tolerating: Int64
    public var frustrated: Int64

    init(_ apdex: Apdex) {
      score = NumberFormat.rounded(apdex.score, places: 3)
      satisfied = apdex.satisfied
      tolerating = apdex.tolerating
      frustrated = apdex.frustrated
    }
  }
}
