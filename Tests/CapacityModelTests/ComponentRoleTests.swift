import Testing

@testable import CapacityModel

@Suite struct ComponentRoleTests {
  /// The names report.json gives the host and the load generator (`resources.runs[].components[].component`).
  @Test func rolesKeepTheirReportNames() {
    #expect(ComponentRole.node.rawValue == "node")
    #expect(ComponentRole.loadGenerator.rawValue == "loadgen")
  }

  @Test(arguments: [
    ("django", true), ("postgresql", true), ("app", true), ("node", false), ("loadgen", false),
  ])
  func onlyApplicationComponentsAreSized(_ component: String, _ sized: Bool) {
    #expect(ComponentRole.isApplication(component) == sized)
  }

  @Test func aSourceFileNamesItsKind() {
    #expect(SourceFile(path: "d.log", role: "docker-stats-log", sha256: "", bytes: 0).kind == .dockerStats)
    #expect(SourceFile(path: "x", role: "from-a-later-version", sha256: "", bytes: 0).kind == nil)
  }
}
