import Testing

@testable import CapacityModel
@testable import CapacityPlanning
@testable import CapacityTestSupport

@Suite struct FootprintTests {
  @Test func seedFootprintIsExact() throws {
    let footprint = Footprint(try PlanningTestSupport.seedDeployment())
    #expect(footprint.cpuRequestMillicores == 3350)
    #expect(footprint.memoryRequestBytes == 4_831_838_208)
    #expect(Quantity.bytes(footprint.memoryRequestBytes).description == "4608Mi")
    #expect(footprint.cpuLimitMillicores == 6800)
    #expect(footprint.memoryLimitBytes == 9 << 30)
    let postgresql = try #require(footprint.rows.first { $0.name == "postgresql" })
    #expect(postgresql.totalCPURequestMillicores == 1000)
    #expect(postgresql.totalMemoryRequestBytes == 2 << 30)
    #expect(
      footprint.rows.map(\.name) == [
        "celery-worker", "django", "nginx", "pgbouncer", "postgresql", "redis",
      ])
  }

  @Test func totalLimitIsUnknownWhenAnyComponentLacksOne() {
    let deployment = Deployment(components: [
      Component(
        name: "a", kind: "Deployment", replicas: 2, cpuRequestMillicores: 100,
        memoryRequestBytes: 10,
        cpuLimitMillicores: 200, memoryLimitBytes: 20),
      Component(
        name: "b", kind: "Deployment", replicas: 0, cpuRequestMillicores: 100,
        memoryRequestBytes: 10,
        cpuLimitMillicores: nil, memoryLimitBytes: 30),
    ])
    let footprint = Footprint(deployment)
    #expect(footprint.cpuRequestMillicores == 200)
    #expect(footprint.cpuLimitMillicores == nil)
    #expect(footprint.memoryLimitBytes == 40)
  }

  @Test func hugeManifestsSaturateInsteadOfTrapping() {
    let deployment = Deployment(components: [
      Component(
        name: "a", kind: "Deployment", replicas: .max, cpuRequestMillicores: .max,
        memoryRequestBytes: 1),
      Component(
        name: "b", kind: "Deployment", replicas: 1, cpuRequestMillicores: .max,
        memoryRequestBytes: 1),
    ])
    #expect(Footprint(deployment).cpuRequestMillicores == .max)
  }
}
