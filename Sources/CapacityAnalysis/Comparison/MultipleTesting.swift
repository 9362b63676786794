/// Adjusted p-values for a family of tests, so that "adjusted p < α" controls the family's error
/// (the same values as `statsmodels.stats.multitest.multipletests(p, method="holm" | "fdr_bh")`).
public enum MultipleTesting: String, Sendable, Codable {
  /// Holm–Bonferroni step-down: controls the chance of any false alarm in the family (FWER).
  case holm
  /// Benjamini–Hochberg step-up: controls the expected share of false alarms among the findings
  /// (FDR), which keeps more power over many endpoint rows.
  case benjaminiHochberg = "benjamini-hochberg"

  /// Adjusted p-values in the order given.
  public func adjust(_ pValues: [Double]) -> [Double] {
    switch self {
    case .holm: Self.holm(pValues)
    case .benjaminiHochberg: Self.benjaminiHochberg(pValues)
    }
  }

  /// Sorted ascending, p₍ᵢ₎ becomes maxⱼ≤ᵢ min(1, (m − j + 1) · p₍ⱼ₎).
  package static func holm(_ pValues: [Double]) -> [Double] {
    let m = pValues.count
    let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
    var adjusted = [Double](repeating: 1, count: m)
    var running = 0.0
    for (rank, index) in order.enumerated() {
      running = max(running, min(1, Double(m - rank) * pValues[index]))
      adjusted[index] = running
    }
    return adjusted
  }

  /// Sorted ascending, p₍ᵢ₎ becomes minⱼ≥ᵢ min(1, m ÷ j · p₍ⱼ₎).
  package static func benjaminiHochberg(_ pValues: [Double]) -> [Double] {
    let m = pValues.count
    let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
    var adjusted = [Double](repeating: 1, count: m)
    var running = 1.0
    for (rank, index) in order.enumerated().reversed() {
      running = min(running, Double(m) / Double(rank + 1) * pValues[index])
      adjusted[index] = running
    }
    return adjusted
  }
}
