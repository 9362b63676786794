import Testing

@testable import CapacityIngest
@testable import CapacityPlanning
@testable import CapacityTestSupport

@Suite struct ProfileLoaderTests {
  @Test func builtInsAreTheThreeVPSSizes() {
    #expect(Profile.builtIns.map(\.name) == ["vps-4gb", "vps-6gb", "vps-8gb"])
    #expect(Profile.builtIns.map(\.allocatableCPUMillicores) == [2000, 3000, 4000])
    #expect(Profile.builtIns.map(\.allocatableMemoryBytes) == [4 << 30, 6 << 30, 8 << 30])
    #expect(Profile.builtIns.allSatisfy { $0.overhead == .none })
  }

  @Test func fileAddsAndReplacesProfiles() throws {
    let dir = try PlanningTestSupport.makeDirectory()
    let file = try PlanningTestSupport.write(
      """
      profiles:
        - name: vps-16gb
          cpu: "8"
          memory: 16Gi
          overhead: {cpu: 250m, memory: 512Mi}
          description: 16 GB / 8 CPU VPS
        - name: vps-4gb
          cpu: 2
          memory: 4Gi
          overhead: {cpu: 100m, memory: 300Mi}
        - name: vps-6gb
          overhead: {memory: 1Gi}
        - name: tiny
          cpu: 0.5
          memory: 536870912
      """, to: "profiles.yaml", in: dir)
    let profiles = try ProfileLoader().load(path: file)
    #expect(profiles.map(\.name) == ["tiny", "vps-4gb", "vps-6gb", "vps-8gb", "vps-16gb"])
    let big = try #require(profiles.last)
    #expect(
      big
        == Profile(
          name: "vps-16gb", cpuMillicores: 8000, memoryBytes: 16 << 30,
          overhead: Overhead(model: "explicit", cpuMillicores: 250, memoryBytes: 512 << 20),
          description: "16 GB / 8 CPU VPS"))
    #expect(big.allocatableCPUMillicores == 7750)
    #expect(big.allocatableMemoryBytes == (16 << 30) - (512 << 20))
    #expect(profiles[1].overhead.cpuMillicores == 100)
    #expect(profiles[1].description == "4 GB / 2 CPU VPS")  // kept from the built-in it replaces
    #expect(profiles[2].cpuMillicores == 3000)  // inherited
    #expect(profiles[2].allocatableMemoryBytes == 5 << 30)
    #expect(profiles[0].cpuMillicores == 500)
    #expect(profiles[0].memoryBytes == 512 << 20)
  }

  @Test func badQuantityNamesFileAndField() {
    let yaml = "profiles:\n  - name: big\n    cpu: 8\n    memory: 16GB\n"
    #expect(
      throws: PlanningError.invalidQuantity(
        file: "p.yaml", field: "profiles[0].memory", value: "16GB",
        reason:
          "'16GB' is not a valid Kubernetes quantity: drop the trailing 'B': use G (10^9) or Gi (2^30)"
      )
    ) {
      try ProfileLoader().parse(yaml: yaml, file: "p.yaml")
    }
  }

  @Test(
    arguments: [
      (
        "profiles:\n  - name: big\n    memory: 16Gi\n",
        PlanningError.missingField(file: "p.yaml", field: "profiles[0].cpu")
      ),
      ("servers: []\n", .missingField(file: "p.yaml", field: "profiles")),
      (
        "profiles:\n  - {name: a, cpu: 1, memory: 1Gi}\n  - {name: a, cpu: 2, memory: 2Gi}\n",
        .duplicateProfile(file: "p.yaml", name: "a")
      ),
      (
        "profiles:\n  - {name: a, cpu: 1, memroy: 1Gi}\n",
        .invalidField(
          file: "p.yaml", field: "profiles[0].memroy", value: "memroy",
          reason: "unknown key; expected name, cpu, memory, overhead, description or quota")
      ),
      (
        "profiles:\n  - {name: a, cpu: 1, memory: 1Gi, overhead: {cpu: 1}}\n",
        .invalidField(
          file: "p.yaml", field: "profiles[0].overhead", value: "<mapping>",
          reason: "the overhead leaves nothing allocatable on profile 'a'")
      ),
      (
        "profiles:\n  - {name: a, cpu: 0, memory: 1Gi}\n",
        .invalidField(
          file: "p.yaml", field: "profiles[0].cpu", value: "0",
          reason: "a profile needs more than 0 cpu")
      ),
    ] as [(String, PlanningError)])
  func invalidFilesNameTheField(_ yaml: String, _ error: PlanningError) {
    #expect(throws: error) { try ProfileLoader().parse(yaml: yaml, file: "p.yaml") }
  }

  /// A profile can carry a quota of the manifests; the Planner then replays it from the start and says how
  /// many pods it refuses (figures: Fixtures/seed-quota/truth.py).
  @Test func profileQuotaIsReplayedOverTheManifests() throws {
    let profiles = try ProfileLoader().parse(
      yaml:
        "profiles:\n  - {name: vps-6gb, quota: vps-quota}\n  - {name: lost, cpu: 1, memory: 1Gi, quota: nope}\n",
      file: "p.yaml")
    let vps = try #require(profiles.first { $0.name == "vps-6gb" })
    #expect(vps.quota == "vps-quota")
    #expect(vps.cpuMillicores == 3000)
    let deployment = try ManifestLoader().load(paths: [PlanningTestSupport.fixture("seed-quota")])
    let fits = Planner().fit(deployment, profiles: profiles)
    let quota = try #require(fits.first { $0.profile.name == "vps-6gb" }?.quota)
    #expect(quota.found)
    #expect(quota.podsTried == 29)
    #expect(quota.refused.count == 21)
    #expect(fits.first { $0.profile.name == "lost" }?.quota?.found == false)
    #expect(
      fits.first { $0.profile.name == "vps-6gb" }?.reasons.last
        == "with quota vps-quota in force, 21 of 29 pods are refused; the first, celery-worker pod 3: exceeded quota: "
        + "vps-quota, requested: limits.cpu=800m, used: limits.cpu=5600m, limited: limits.cpu=6")
  }

  /// `--profiles-from-quota`: capacity from requests.*, else cpu/memory, else limits.*.
  @Test func quotasBecomeProfiles() {
    let profiles = Profile.fromQuotas([
      ResourceQuota(
        name: "a", namespace: "n",
        hard: ["requests.cpu": .millicores(2000), "limits.cpu": .millicores(4000), "memory": .bytes(4 << 30)]),
      ResourceQuota(name: "b", namespace: "n", hard: ["pods": .millicores(10_000)]),
    ])
    #expect(profiles.map(\.name) == ["a"])
    #expect(profiles.first?.cpuMillicores == 2000)
    #expect(profiles.first?.memoryBytes == 4 << 30)
    #expect(profiles.first?.quota == "a")
  }

  @Test func unreadableFileIsNamed() {
    #expect(throws: SettingsFileError.notFound(path: "/nonexistent/profiles.yaml")) {
      try ProfileLoader().load(path: "/nonexistent/profiles.yaml")
    }
  }
}
