import Testing

@testable import CapacityReport

@Suite struct SeverityTests {
  /// The badge classes the templates style, for each verdict as report.json spells it.
  @Test(arguments: [
    ("RECOMMENDED", "good"), ("VALID", "good"), ("MINIMUM", "warn"), ("DEGRADED", "warn"),
    ("NOT RECOMMENDED", "bad"), ("INVALID", "bad"), ("–", "bad"),
  ])
  func verdictsMapToTheTemplatesBadgeClasses(_ verdict: String, _ badge: String) {
    #expect(Severity(verdict: verdict).rawValue == badge)
  }

  @Test func noVerdictAndNoTargetAreNone() {
    #expect(Severity(verdict: nil) == .none)
    #expect(Severity(pass: nil) == .none)
    #expect(Severity(pass: true) == .good)
    #expect(Severity(pass: false) == .bad)
  }

  @Test(arguments: [
    ("regression", "bad"), ("improvement", "good"), ("inconclusive", "warn"),
    ("no significant change", "none"),
    ("something else", "none"),
  ])
  func comparisonVerdictsMapToTheTemplatesBadgeClasses(_ verdict: String, _ badge: String) {
    #expect(Severity(comparison: verdict).rawValue == badge)
  }
}
