import Foundation
import Testing

@testable import CapacityIngest
@testable import CapacityPlanning
@testable import CapacityTestSupport

@Suite struct ManifestLoaderTests {
  /// A one-container workload with the given kind, replicas and flow-style `resources` mapping.
  static func workload(_ kind: String, _ name: String, replicas: String = "", resources: String)
    -> String
  {
    """
    apiVersion: apps/v1
    kind: \(kind)
    metadata:
      name: \(name)
    spec:
    \(replicas.isEmpty ? "" : "  replicas: \(replicas)\n")  template:
        spec:
          containers:
            - name: \(name)
              image: example/\(name)
              resources: \(resources)
    """
  }

  static let smallResources =
    "{requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}"

  @Test func multiDocumentFileIgnoresOtherKindsAndDefaultsReplicas() throws {
    let dir = try PlanningTestSupport.makeDirectory()
    let file = try PlanningTestSupport.write(
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec: {ports: [{port: 80}]}
      ---
      \(Self.workload("Deployment", "web", resources: Self.smallResources))
      ---
      \(Self.workload("DaemonSet", "agent", replicas: "5", resources: Self.smallResources))
      ---
      # an empty document
      ---
      \(Self.workload("ReplicaSet", "legacy", replicas: "3", resources: Self.smallResources))
      """, to: "app.yaml", in: dir)
    let deployment = try ManifestLoader().load(paths: [file])
    #expect(deployment.components.map(\.name) == ["agent", "legacy", "web"])
    #expect(deployment["web"]?.replicas == 1)
    #expect(deployment["agent"]?.replicas == 1)  // a DaemonSet runs one pod on the one VPS
    #expect(deployment["legacy"]?.replicas == 3)
    var web = Component(
      name: "web", kind: "Deployment", replicas: 1, cpuRequestMillicores: 100,
      memoryRequestBytes: 64 << 20,
      cpuLimitMillicores: 200, memoryLimitBytes: 128 << 20, missingRequests: [], source: file)
    web.namespace = "default"
    #expect(deployment["web"] == web)
    #expect(deployment.cluster?.ignored.map(\.kind) == ["Service"])
  }

  @Test func initContainersCountByTheMaxRule() throws {
    let yaml = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db}
      spec:
        replicas: 2
        template:
          spec:
            initContainers:
              - name: restore
                resources: {requests: {cpu: "1", memory: 64Mi}, limits: {cpu: "2", memory: 128Mi}}
              - name: log-shipper
                restartPolicy: Always
                resources: {requests: {cpu: 50m, memory: 32Mi}, limits: {cpu: 100m, memory: 64Mi}}
            containers:
              - name: db
                resources: {requests: {cpu: 300m, memory: 1Gi}, limits: {cpu: 500m, memory: 2Gi}}
              - name: exporter
                resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi}}
      """
    let component = try #require(try ManifestLoader().parse(yaml: yaml, file: "db.yaml").first)
    // cpu: max(init peak 1000m, 300m + 100m + sidecar 50m) = 1000m
    #expect(component.cpuRequestMillicores == 1000)
    // memory: max(64Mi, 1Gi + 64Mi + sidecar 32Mi) = 1120Mi
    #expect(component.memoryRequestBytes == 1120 << 20)
    #expect(component.cpuLimitMillicores == 2000)
    #expect(component.memoryLimitBytes == Int64(2048 + 64 + 64) << 20)
    #expect(component.replicas == 2)
  }

  @Test func missingRequestsAreRecordedAndLimitsBecomeUnknown() throws {
    let yaml = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
            containers:
              - name: app
                resources: {requests: {memory: 256Mi}}
              - name: sidecar
                resources: {limits: {cpu: 100m, memory: 32Mi}}
      """
    let component = try #require(try ManifestLoader().parse(yaml: yaml, file: "web.yaml").first)
    // The sidecar's requests default to its limits, as the API server does.
    #expect(component.cpuRequestMillicores == 100)
    #expect(component.memoryRequestBytes == (256 + 32) << 20)
    #expect(component.missingRequests == ["app: cpu"])
    #expect(component.cpuLimitMillicores == nil)
    #expect(component.memoryLimitBytes == nil)
  }

  @Test func listKindIsUnwrapped() throws {
    let yaml = """
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: ConfigMap
          metadata: {name: settings}
        - apiVersion: apps/v1
          kind: Deployment
          metadata: {name: api}
          spec:
            replicas: 3
            template:
              spec:
                containers:
                  - name: api
                    resources: {requests: {cpu: 0.25, memory: 100M}}
      """
    let components = try ManifestLoader().parse(yaml: yaml, file: "list.yaml")
    #expect(components.count == 1)
    #expect(components.first?.replicas == 3)
    #expect(components.first?.cpuRequestMillicores == 250)
    #expect(components.first?.memoryRequestBytes == 100_000_000)
  }

  @Test func composeServicesUseReservationsAndDockerUnits() throws {
    let dir = try PlanningTestSupport.makeDirectory()
    let file = try PlanningTestSupport.write(
      """
      services:
        web:
          image: example/web
          deploy:
            replicas: 3
            resources:
              reservations: {cpus: "0.5", memory: 512M}
              limits: {cpus: "1", memory: 1G}
        worker:
          image: example/worker
          deploy:
            resources:
              reservations: {cpus: 0.25, memory: 256mb}
        cache:
          image: redis
          mem_limit: 1.5g
      volumes:
        data: {}
      """, to: "docker-compose.yml", in: dir)
    let deployment = try ManifestLoader().load(paths: [file])
    #expect(deployment.components.map(\.name) == ["cache", "web", "worker"])
    #expect(
      deployment["web"]
        == Component(
          name: "web", kind: "compose service", replicas: 3, cpuRequestMillicores: 500,
          memoryRequestBytes: 512 << 20,
          cpuLimitMillicores: 1000, memoryLimitBytes: 1 << 30, missingRequests: [], source: file))
    #expect(deployment["worker"]?.replicas == 1)
    #expect(deployment["worker"]?.memoryRequestBytes == 256 << 20)
    #expect(deployment["cache"]?.memoryLimitBytes == 1536 << 20)
    #expect(deployment["cache"]?.missingRequests == ["cache: cpu", "cache: memory"])
  }

  @Test func composeMergeKeysAreApplied() throws {
    let yaml = """
      x-small: &small
        deploy:
          replicas: 2
          resources:
            reservations: {cpus: "0.25", memory: 128M}
      services:
        web:
          <<: *small
          image: example/web
        worker:
          <<: [*small]
          deploy:
            resources:
              reservations: {cpus: "1", memory: 1G}
      """
    let components = try ManifestLoader().parse(yaml: yaml, file: "compose.yml")
    let web = try #require(components.first { $0.name == "web" })
    #expect(web.replicas == 2)
    #expect(web.cpuRequestMillicores == 250)
    #expect(web.memoryRequestBytes == 128 << 20)
    // The service's own `deploy` replaces the merged one as a whole, as YAML merge keys do.
    let worker = try #require(components.first { $0.name == "worker" })
    #expect(worker.replicas == 1)
    #expect(worker.cpuRequestMillicores == 1000)
  }

  @Test func mergeKeyBombsStayBounded() throws {
    // Each level merges the previous one twice: 2^40 paths if the lookup were not bounded.
    var yaml = "x-0: &a0 {image: x}\n"
    for level in 1...40 {
      yaml += "x-\(level): &a\(level) {<<: [*a\(level - 1), *a\(level - 1)]}\n"
    }
    yaml += "services:\n  web:\n    <<: *a40\n"
    let components = try ManifestLoader().parse(yaml: yaml, file: "bomb.yml")
    #expect(components.map(\.name) == ["web"])
    #expect(components.first?.cpuRequestMillicores == 0)
  }

  @Test(arguments: ["512M", "512m", "512MB", "512mib", "512 M", "536870912", "0.5g"])
  func composeMemoryAcceptsDockerSpellings(_ memory: String) throws {
    let yaml =
      "services:\n  app:\n    deploy:\n      resources:\n        reservations: {memory: \"\(memory)\"}\n"
    #expect(
      try ManifestLoader().parse(yaml: yaml, file: "c.yml").first?.memoryRequestBytes == 512 << 20)
  }

  @Test func invalidQuantityNamesFileFieldAndValue() throws {
    let dir = try PlanningTestSupport.makeDirectory()
    let file = try PlanningTestSupport.write(
      Self.workload("Deployment", "web", resources: "{requests: {cpu: 1K}}"), to: "bad.yaml",
      in: dir)
    let error = try #require(throws: PlanningError.self) {
      try ManifestLoader().load(paths: [file])
    }
    #expect(
      error
        == .invalidQuantity(
          file: file, field: "spec.template.spec.containers[0].resources.requests.cpu", value: "1K",
          reason: "'1K' is not a valid Kubernetes quantity: use lowercase k (10^3) or Ki (2^10)"))
    let message = try #require(error.errorDescription)
    #expect(message.contains(file) && message.contains("'1K'") && message.contains("lowercase k"))
  }

  @Test func invalidComposeMemoryNamesTheField() {
    let yaml = "services:\n  app:\n    deploy:\n      resources:\n        limits: {memory: 1Gx}\n"
    #expect(
      throws: PlanningError.invalidQuantity(
        file: "c.yml", field: "services.app.deploy.resources.limits.memory", value: "1Gx",
        reason:
          "expected a docker memory size such as 512M or 1.5G (b, k, m, g, t, p are powers of 1024)"
      )
    ) {
      try ManifestLoader().parse(yaml: yaml, file: "c.yml")
    }
  }

  @Test func negativeRequestsAreRejected() {
    let yaml = Self.workload("Deployment", "web", resources: "{requests: {memory: -1Gi}}")
    #expect(
      throws: PlanningError.invalidQuantity(
        file: "n.yaml", field: "spec.template.spec.containers[0].resources.requests.memory",
        value: "-1Gi",
        reason: "a resource amount cannot be negative")
    ) {
      try ManifestLoader().parse(yaml: yaml, file: "n.yaml")
    }
  }

  @Test func badReplicasNameTheField() {
    let yaml = Self.workload("Deployment", "web", replicas: "two", resources: Self.smallResources)
    #expect(
      throws: PlanningError.invalidField(
        file: "r.yaml", field: "spec.replicas", value: "two",
        reason: "expected a whole number of 0 or more")
    ) {
      try ManifestLoader().parse(yaml: yaml, file: "r.yaml")
    }
  }

  @Test func invalidYAMLNamesFileAndLine() throws {
    let error = try #require(throws: PlanningError.self) {
      try ManifestLoader().parse(
        yaml: "kind: Deployment\nmetadata: {name: web\nspec: []\n", file: "broken.yaml")
    }
    guard case .invalidYAML(let file, let line, _) = error else {
      Issue.record("expected invalidYAML, got \(error)")
      return
    }
    #expect(file == "broken.yaml")
    #expect(line != nil)
  }

  @Test func missingPathsAndEmptyDirectoriesAreErrors() throws {
    let dir = try PlanningTestSupport.makeDirectory()
    #expect(throws: SettingsFileError.notFound(path: "\(dir)/nope.yaml")) {
      try ManifestLoader().load(paths: ["\(dir)/nope.yaml"])
    }
    try PlanningTestSupport.write("# notes", to: "README.md", in: dir)
    #expect(throws: SettingsFileError.noManifests(path: dir)) {
      try ManifestLoader().load(paths: [dir])
    }
  }

  @Test func directoriesAreWalkedRecursivelyInPathOrder() throws {
    let dir = try PlanningTestSupport.makeDirectory()
    try PlanningTestSupport.write(
      Self.workload("Deployment", "b", resources: Self.smallResources), to: "z/b.yml", in: dir)
    try PlanningTestSupport.write(
      Self.workload("Deployment", "a", resources: Self.smallResources), to: "a.yaml", in: dir)
    try PlanningTestSupport.write(
      Self.workload("Deployment", "hidden", resources: Self.smallResources), to: ".git/x.yaml",
      in: dir)
    try PlanningTestSupport.write("not: yaml: at: all", to: "notes.txt", in: dir)
    let loader = ManifestLoader()
    #expect(try SettingsFileReader.yamlPaths([dir]) == ["\(dir)/a.yaml", "\(dir)/z/b.yml"])
    #expect(try loader.load(paths: [dir, "\(dir)/a.yaml"]).components.map(\.name) == ["a", "b"])
  }

  @Test func seedManifestLoadsSixComponents() throws {
    let deployment = try PlanningTestSupport.seedDeployment()
    #expect(
      deployment.components.map(\.name) == [
        "celery-worker", "django", "nginx", "pgbouncer", "postgresql", "redis",
      ])
    #expect(deployment.components.map(\.replicas) == [1, 2, 1, 2, 2, 2])
    #expect(deployment["postgresql"]?.kind == "StatefulSet")
    #expect(deployment["postgresql"]?.memoryRequestBytes == 1 << 30)
    #expect(deployment["django"]?.cpuLimitMillicores == 1000)
    #expect(deployment.components.allSatisfy { $0.missingRequests.isEmpty })
  }
}
