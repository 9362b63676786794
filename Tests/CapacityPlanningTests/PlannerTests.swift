import Testing

@testable import CapacityPlanning
@testable import CapacityTestSupport

@Suite struct PlannerTests {
  static let mebibyte: Int64 = 1 << 20

  static func component(_ name: String, _ replicas: Int, cpu: Int64, memoryMi: Int64) -> Component {
    Component(
      name: name, kind: "Deployment", replicas: replicas, cpuRequestMillicores: cpu,
      memoryRequestBytes: memoryMi * mebibyte)
  }

  @Test func seedPercentagesAndVerdictsAreExact() throws {
    let fits = Planner().fit(try PlanningTestSupport.seedDeployment(), profiles: Profile.builtIns)
    #expect(fits.map(\.profile.name) == ["vps-4gb", "vps-6gb", "vps-8gb"])
    #expect(fits.map(\.cpuRequestsPercent.description) == ["167.5", "111.7", "83.8"])
    #expect(fits.map(\.memoryRequestsPercent.description) == ["112.5", "75.0", "56.3"])
    #expect(fits.map(\.cpuRequestsOfCapacityPercent.description) == ["167.5", "111.7", "83.8"])
    #expect(fits.map(\.verdict) == [.notRecommended, .notRecommended, .minimum])
    #expect(fits.map(\.verdict.rawValue) == ["NOT RECOMMENDED", "NOT RECOMMENDED", "MINIMUM"])
  }

  /// vps-4gb (2000m, 4Gi) from 3350m / 4608Mi, checked by hand:
  /// cpu is the most overflowing (167.5 % vs 112.5 %); django and postgresql tie at 500m, django wins by name
  /// → 2850m / 4096Mi; memory now fits, cpu still over: postgresql (500m) → 2350m; pgbouncer (250m) → 2100m;
  /// redis (100m) → 2000m / 2688Mi, which fits exactly.
  @Test func seedOnFourGigabytesScalesFourComponentsDown() throws {
    let fit = try #require(
      Planner().fit(try PlanningTestSupport.seedDeployment(), profiles: Profile.builtIns).first)
    #expect(
      fit.scaleDown == [
        ScaleDown(component: "django", from: 2, to: 1),
        ScaleDown(component: "pgbouncer", from: 2, to: 1),
        ScaleDown(component: "postgresql", from: 2, to: 1),
        ScaleDown(component: "redis", from: 2, to: 1),
      ])
    #expect(fit.fitsAfterScaleDown)
    #expect(
      fit.reasons == [
        "cpu requests 3350m exceed allocatable 2000m by 1350m",
        "memory requests 4608Mi exceed allocatable 4Gi by 512Mi",
        "scaling down django from 2 to 1, pgbouncer from 2 to 1, postgresql from 2 to 1 and redis from 2 to 1 makes it fit, "
          + "with cpu requests at 100.0 % and memory requests at 65.6 % of allocatable",
        "memory limits 9Gi exceed allocatable 4Gi: pods can be OOM-killed if they all use their limits",
        "cpu limits 6800m exceed allocatable 2000m: pods are throttled if they all use their limits",
      ])
  }

  /// vps-6gb (3000m, 6Gi): only cpu overflows (by 350m); removing one django replica (500m) gives 2850m.
  @Test func seedOnSixGigabytesDropsOneDjangoReplica() throws {
    let fit = Planner().fit(try PlanningTestSupport.seedDeployment(), profiles: Profile.builtIns)[1]
    #expect(fit.scaleDown == [ScaleDown(component: "django", from: 2, to: 1)])
    #expect(fit.fitsAfterScaleDown)
    #expect(
      Array(fit.reasons.prefix(2)) == [
        "cpu requests 3350m exceed allocatable 3000m by 350m",
        "scaling down django from 2 to 1 makes it fit, with cpu requests at 95.0 % and memory requests at 66.7 % of allocatable",
      ])
  }

  @Test func seedOnEightGigabytesIsMinimumWithoutScaleDown() throws {
    let fit = Planner().fit(try PlanningTestSupport.seedDeployment(), profiles: Profile.builtIns)[2]
    #expect(fit.scaleDown.isEmpty)
    #expect(fit.fitsAfterScaleDown)
    #expect(
      fit.reasons.first
        == "cpu requests use 83.8 % of allocatable 4000m, leaving less than 20 % headroom")
  }

  @Test func smallDeploymentIsRecommended() {
    let deployment = Deployment(components: [Self.component("web", 2, cpu: 500, memoryMi: 512)])
    let fit = Planner().fit(deployment, profiles: [Profile.builtIns[2]])[0]
    #expect(fit.verdict == .recommended)
    #expect(
      fit.reasons == [
        "cpu requests use 25.0 % of allocatable 4000m and memory requests use 12.5 % of allocatable 8Gi, "
          + "leaving at least 20 % headroom on both"
      ])
  }

  /// Exactly 80 % keeps 20 % headroom; exactly 100 % fits but without headroom.
  @Test(
    arguments: [
      (1600, Verdict.recommended), (1601, .minimum), (2000, .minimum), (2001, .notRecommended),
    ] as [(Int64, Verdict)])
  func verdictThresholdsAreExact(_ cpu: Int64, _ verdict: Verdict) {
    let deployment = Deployment(components: [Self.component("web", 1, cpu: cpu, memoryMi: 1)])
    #expect(Planner().fit(deployment, profiles: [Profile.builtIns[0]])[0].verdict == verdict)
  }

  @Test func memoryOverflowRemovesTheBiggestMemoryConsumer() {
    let deployment = Deployment(components: [
      Self.component("cache", 3, cpu: 100, memoryMi: 1024),
      Self.component("web", 3, cpu: 200, memoryMi: 512),
    ])
    // 900m / 4608Mi on 2000m / 4096Mi: memory overflows by 512Mi; one cache replica (1Gi) fixes it.
    let fit = Planner().fit(deployment, profiles: [Profile.builtIns[0]])[0]
    #expect(fit.scaleDown == [ScaleDown(component: "cache", from: 3, to: 2)])
    #expect(fit.fitsAfterScaleDown)
  }

  @Test func reportsTheDeficitWhenOneReplicaEachStillDoesNotFit() {
    let deployment = Deployment(components: [
      Self.component("analytics", 1, cpu: 1800, memoryMi: 512),
      Self.component("web", 3, cpu: 300, memoryMi: 256),
    ])
    let fit = Planner().fit(deployment, profiles: [Profile.builtIns[0]])[0]
    #expect(fit.verdict == .notRecommended)
    #expect(!fit.fitsAfterScaleDown)
    #expect(fit.scaleDown == [ScaleDown(component: "web", from: 3, to: 1)])
    #expect(
      fit.reasons == [
        "cpu requests 2700m exceed allocatable 2000m by 700m",
        "even with every component at 1 replica, cpu requests 2100m exceed allocatable 2000m by 100m",
      ])
  }

  @Test func missingRequestsAndOverheadAreExplained() {
    var web = Self.component("web", 1, cpu: 0, memoryMi: 256)
    web.missingRequests = ["app: cpu"]
    let profile = Profile(
      name: "vps-2gb", cpuMillicores: 1000, memoryBytes: 2 << 30,
      overhead: Overhead(model: "explicit", cpuMillicores: 250, memoryBytes: 512 << 20))
    let fit = Planner().fit(Deployment(components: [web]), profiles: [profile])[0]
    #expect(fit.memoryRequestsPercent == Percent(tenths: 167))  // 256Mi of 1536Mi = 16.67 %
    #expect(fit.memoryRequestsOfCapacityPercent == Percent(tenths: 125))  // 256Mi of 2Gi
    #expect(
      fit.reasons.dropFirst() == [
        "allocatable is 750m cpu and 1536Mi memory after explicit overhead of 250m and 512Mi",
        "requests missing for web (app: cpu) count as 0, so the footprint understates the need",
      ])
  }

  @Test(
    arguments: [
      (3350, 3000, "111.7"), (3350, 2000, "167.5"), (3350, 4000, "83.8"), (4608, 8192, "56.3"),
      (4608, 6144, "75.0"),
      (1, 16, "6.3"), (2, 3, "66.7"), (0, 5, "0.0"), (-1, 16, "-6.2"),
      (5, 0, "922337203685477580.7"),
    ] as [(Int64, Int64, String)])
  func percentRoundsHalfUpToOneDecimal(_ part: Int64, _ whole: Int64, _ text: String) {
    #expect(Percent.of(part, in: whole).description == text)
  }
}
