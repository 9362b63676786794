/// What a comparison concludes about one metric, or about two runs.
public enum ComparisonVerdict: String, Sendable, Codable, Comparable {
  case regression
  case improvement
  case noSignificantChange = "no significant change"
  case inconclusive

  /// Severity order used to combine metrics: a regression anywhere is a regression.
  public static func < (lhs: ComparisonVerdict, rhs: ComparisonVerdict) -> Bool {
    let order: [ComparisonVerdict] = [.inconclusive, .noSignificantChange, .improvement, .regression]
    return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
  }
}
