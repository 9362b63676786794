import Foundation
import Testing

@testable import CapacityPlanning

/// One hand-checked manifest per admission rule. No API server can run on this machine (Debian bookworm
/// packages kubectl 1.20 and etcd but no kube-apiserver or k3s), so each test cites the Kubernetes source
/// or documentation the expected figures follow.
@Suite struct AdmissionRuleTests {
  static func deployment(_ yaml: String, namespace: String? = nil) throws -> Deployment {
    try ManifestLoader(namespace: namespace).parseDeployment(yaml: yaml, file: "rules.yaml")
  }

  static func pod(_ name: String, resources: String = "{}", extra: String = "") -> String {
    """
    apiVersion: v1
    kind: Pod
    metadata: {name: \(name)}
    spec:
    \(extra)  containers:
        - name: \(name)
          resources: \(resources)
    """
  }

  static func limitRange(_ items: String) -> String {
    "apiVersion: v1\nkind: LimitRange\nmetadata: {name: limits}\nspec:\n  limits:\n\(items)\n---\n"
  }

  static func quota(_ hard: String, scopes: String = "", name: String = "q") -> String {
    "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: \(name)}\nspec:\n  hard: \(hard)\n\(scopes)---\n"
  }

  // MARK: LimitRange (plugin/pkg/admission/limitranger/admission.go)

  /// The issue's case: no requests, `defaultRequest: {cpu: 250m, memory: 256Mi}` → 250m / 256Mi, not 0
  /// (`mergePodResourceRequirements`).
  @Test func defaultRequestFillsMissingRequests() throws {
    let deployment = try Self.deployment(
      Self.limitRange("    - {type: Container, defaultRequest: {cpu: 250m, memory: 256Mi}}") + Self.pod("app")
    )
    let app = try #require(deployment["app"])
    #expect(app.cpuRequestMillicores == 250)
    #expect(app.memoryRequestBytes == 256 << 20)
    #expect(app.missingRequests.isEmpty)
    #expect(
      app.limitRangeDefaults == ["cpu 250m, memory 256Mi request for container app (LimitRange limits)"])
  }

  /// `SetDefaults_LimitRangeItem` (pkg/apis/core/v1/defaults.go): without `defaultRequest` the request takes
  /// `default`; without `default` the limit takes `max`. A container's own limit becomes its request
  /// before that (`SetDefaults_Pod`), so the LimitRange never overrides it.
  @Test func missingRequestTakesTheDefaultLimitElseTheContainersLimit() throws {
    let yaml =
      Self.limitRange("    - {type: Container, default: {cpu: 400m}, max: {memory: 1Gi}}")
      + Self.pod("fromdefault") + "\n---\n" + Self.pod("ownlimit", resources: "{limits: {cpu: 300m}}")
    let deployment = try Self.deployment(yaml)
    #expect(deployment["fromdefault"]?.cpuRequestMillicores == 400)
    #expect(deployment["fromdefault"]?.cpuLimitMillicores == 400)
    #expect(deployment["fromdefault"]?.memoryRequestBytes == 1 << 30)
    #expect(deployment["fromdefault"]?.memoryLimitBytes == 1 << 30)
    #expect(deployment["ownlimit"]?.cpuRequestMillicores == 300)
  }

  /// `minConstraint`, `maxConstraint`, `limitRequestRatioConstraint`: the plugin's own messages.
  @Test func minMaxAndRatioViolationsAreFlaggedAndRefused() throws {
    let yaml =
      Self.limitRange(
        "    - {type: Container, min: {cpu: 100m}, max: {memory: 1Gi}, maxLimitRequestRatio: {cpu: \"2\"}}")
      + Self.pod(
        "small", resources: "{requests: {cpu: 50m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi}}")
      + "\n---\n"
      + Self.pod("big", resources: "{requests: {cpu: 200m, memory: 2Gi}, limits: {cpu: 1, memory: 2Gi}}")
    let cluster = try #require(try Self.deployment(yaml).cluster)
    #expect(
      cluster.violations.map(\.text) == [
        "minimum cpu usage per Container is 100m, but request is 50m.",
        "maximum memory usage per Container is 1Gi, but limit is 2Gi.",
        // 1 ÷ 200m = 5 > 2
        "cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000.",
      ])
    #expect(cluster.pods.allSatisfy { !$0.admitted && $0.refusedBy == "LimitRange" })
  }

  /// An own request above the LimitRange's default limit fails pod validation after the defaults
  /// (`ValidateResourceRequirements`: "must be less than or equal to cpu limit").
  @Test func ownRequestAboveTheDefaultLimitIsInvalid() throws {
    let yaml =
      Self.limitRange("    - {type: Container, default: {cpu: 500m}}")
      + Self.pod("greedy", resources: "{requests: {cpu: \"1\"}}")
    let cluster = try #require(try Self.deployment(yaml).cluster)
    #expect(
      cluster.violations.map(\.text) == [
        "spec.containers[0].resources.requests: Invalid value: \"1\": must be less than or equal to cpu limit of 500m"
      ])
    #expect(cluster.pods.first?.admitted == false)
  }

  /// Pod items: Σ containers, then the larger of that and each init container.
  @Test func podItemChecksTheSumOfContainers() throws {
    let two = """
      apiVersion: v1
      kind: Pod
      metadata: {name: pair}
      spec:
        containers:
          - {name: a, resources: {limits: {memory: 384Mi}}}
          - {name: b, resources: {limits: {memory: 384Mi}}}
      """
    let cluster = try #require(
      try Self.deployment(Self.limitRange("    - {type: Pod, max: {memory: 512Mi}}") + two).cluster)
    #expect(cluster.violations.map(\.text) == ["maximum memory usage per Pod is 512Mi, but limit is 768Mi."])
  }

  // MARK: ResourceQuota (staging/.../admission/plugin/resourcequota/controller.go, pkg/quota/v1/evaluator/core/pods.go)

  /// requests.cpu / requests.memory / cpu / memory: the second pod overflows; the message lists only the
  /// exceeded resources, keys sorted (`prettyPrint`), used as it stood before the pod.
  @Test func requestQuotasRefuseTheOverflowingPod() throws {
    let pod = "{requests: {cpu: 600m, memory: 600Mi}, limits: {cpu: 600m, memory: 600Mi}}"
    let yaml =
      Self.quota("{requests.cpu: \"1\", memory: 2Gi, pods: \"5\"}") + Self.pod("a", resources: pod)
      + "\n---\n"
      + Self.pod("b", resources: pod)
    let cluster = try #require(try Self.deployment(yaml).cluster)
    #expect(cluster.pods.map(\.admitted) == [true, false])
    #expect(
      cluster.pods.last?.message
        == "exceeded quota: q, requested: requests.cpu=600m, used: requests.cpu=600m, limited: requests.cpu=1"
    )
    #expect(cluster.quotas.first?.used["memory"]?.description == "600Mi")
    #expect(cluster.quotas.first?.used["pods"]?.description == "1")
  }

  /// `pods` and `count/pods`: one per pod; `count/deployments.apps` refuses the object itself.
  @Test func countQuotas() throws {
    func deployment(_ name: String) -> String {
      ManifestLoaderTests.workload(
        "Deployment", name, replicas: "2", resources: "{requests: {cpu: 10m, memory: 8Mi}}")
    }
    let yaml =
      Self.quota("{count/pods: \"3\", count/deployments.apps: \"1\"}") + deployment("one") + "\n---\n"
      + deployment("two")
    let cluster = try #require(try Self.deployment(yaml).cluster)
    #expect(
      cluster.objectRefusals.map(\.text) == [
        "exceeded quota: q, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1"
      ])
    #expect(cluster.pods.map(\.workload) == ["one", "one"])
  }

  /// A quota on limits.cpu makes every container name a cpu limit (`Constraints`, "must specify").
  @Test func limitsQuotaNeedsLimitsOnEveryContainer() throws {
    let yaml = Self.quota("{limits.cpu: \"2\"}") + Self.pod("nolimit", resources: "{requests: {cpu: 100m}}")
    let cluster = try #require(try Self.deployment(yaml).cluster)
    #expect(cluster.pods.first?.message == "failed quota: q: must specify limits.cpu for: nolimit")
  }

  /// Scopes (`podMatchesScopeFunc`): BestEffort counts only pods without requests or limits; Terminating only
  /// pods with activeDeadlineSeconds; PriorityClass In [high] only those pods.
  @Test func scopesPickThePodsAQuotaCounts() throws {
    let yaml =
      Self.quota("{pods: \"0\"}", scopes: "  scopes: [BestEffort]\n", name: "besteffort")
      + Self.quota("{pods: \"0\"}", scopes: "  scopes: [Terminating]\n", name: "terminating")
      + Self.quota(
        "{pods: \"0\"}",
        scopes:
          "  scopeSelector:\n    matchExpressions:\n      - {scopeName: PriorityClass, operator: In, values: [high]}\n",
        name: "high")
      + Self.pod("plain") + "\n---\n"
      + Self.pod("sized", resources: "{requests: {cpu: 10m}}") + "\n---\n"
      + Self.pod("deadline", resources: "{requests: {cpu: 10m}}", extra: "  activeDeadlineSeconds: 60\n")
      + "\n---\n"
      + Self.pod("urgent", resources: "{requests: {cpu: 10m}}", extra: "  priorityClassName: high\n")
    let cluster = try #require(try Self.deployment(yaml).cluster)
    let refusals = Dictionary(uniqueKeysWithValues: cluster.pods.map { ($0.workload, $0.refusedBy) })
    #expect(refusals["plain"] == "quota besteffort")
    #expect(refusals["sized"] == .some(nil))
    #expect(refusals["deadline"] == "quota terminating")
    #expect(refusals["urgent"] == "quota high")
  }

  /// A quota counts only its namespace; `--namespace` places objects without metadata.namespace.
  @Test func quotaCountsOnlyItsNamespace() throws {
    let other = Self.pod("elsewhere", resources: "{requests: {cpu: \"1\"}}")
      .replacingOccurrences(
        of: "metadata: {name: elsewhere}", with: "metadata: {name: elsewhere, namespace: other}")
    let yaml =
      Self.quota("{requests.cpu: 500m}") + other + "\n---\n"
      + Self.pod("here", resources: "{requests: {cpu: 400m}}")
    let cluster = try #require(try Self.deployment(yaml, namespace: "shop").cluster)
    #expect(cluster.namespaces == ["other", "shop"])
    #expect(cluster.pods.allSatisfy { $0.admitted })
    #expect(cluster.quotas.first?.quota.namespace == "shop")
  }

  // MARK: Autoscalers, sidecars, overhead, batch, scale to zero, ignored kinds

  /// HPA v2 and v1: steady replicas = minReplicas, peak = maxReplicas (the footprint at both).
  @Test func autoscalersSetSteadyAndPeakReplicas() throws {
    let yaml = """
      \(ManifestLoaderTests.workload("Deployment", "web", replicas: "5", resources: "{requests: {cpu: 500m, memory: 512Mi}}"))
      ---
      apiVersion: autoscaling/v1
      kind: HorizontalPodAutoscaler
      metadata: {name: web}
      spec: {scaleTargetRef: {kind: Deployment, name: web}, minReplicas: 2, maxReplicas: 6, targetCPUUtilizationPercentage: 70}
      """
    let deployment = try Self.deployment(yaml)
    #expect(deployment["web"]?.replicas == 2)
    #expect(deployment["web"]?.peakReplicas == 6)
    #expect(deployment["web"]?.manifestReplicas == 5)
    #expect(Footprint(deployment).cpuRequestMillicores == 1000)
    #expect(Footprint(deployment, atPeak: true).cpuRequestMillicores == 3000)
    #expect(Footprint(deployment, atPeak: true).memoryRequestBytes == 3 << 30)
    // On vps-4gb (2 CPU) the steady 1000m fits, the 3000m peak does not.
    let fit = try #require(Planner().fit(deployment, profiles: [Profile.builtIns[0]]).first)
    #expect(fit.peak?.fits == false)
    #expect(fit.peak?.cpuRequestsPercent == Percent(tenths: 1500))
  }

  /// Sidecars (KEP-753; docs "Sidecar containers", resource sharing): max(Σ app + Σ sidecars, each init
  /// container + the sidecars started before it); plus spec.overhead (docs "Pod Overhead"), or the
  /// RuntimeClass's overhead.podFixed when the pod names it.
  @Test func sidecarsAndOverheadAddToThePod() throws {
    let yaml = """
      apiVersion: node.k8s.io/v1
      kind: RuntimeClass
      metadata: {name: kata}
      handler: kata
      overhead: {podFixed: {cpu: 250m, memory: 120Mi}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        runtimeClassName: kata
        initContainers:
          - {name: proxy, restartPolicy: Always, resources: {requests: {cpu: 100m, memory: 64Mi}}}
          - {name: migrate, resources: {requests: {cpu: "1", memory: 32Mi}}}
        containers:
          - {name: app, resources: {requests: {cpu: 300m, memory: 256Mi, ephemeral-storage: 1Gi}}}
      """
    let web = try #require(try Self.deployment(yaml)["web"])
    // cpu: max(300m + 100m, 1000m + 100m) = 1100m, + 250m overhead = 1350m
    #expect(web.cpuRequestMillicores == 1350)
    // memory: max(256Mi + 64Mi, 32Mi + 64Mi) = 320Mi, + 120Mi = 440Mi
    #expect(web.memoryRequestBytes == 440 << 20)
    #expect(web.ephemeralStorageRequestBytes == 1 << 30)
  }

  /// Jobs and CronJobs are reported, not in the steady footprint; replicas 0 is scaled down; every other
  /// kind is listed as ignored. A `helm template` stream (`# Source:` comments between documents) reads as is.
  @Test func batchScaledDownAndIgnoredKinds() throws {
    let yaml = """
      ---
      # Source: shop/templates/service.yaml
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      ---
      # Source: shop/templates/worker.yaml
      \(ManifestLoaderTests.workload("Deployment", "worker", replicas: "0", resources: "{requests: {cpu: 1, memory: 1Gi}}"))
      ---
      # Source: shop/templates/job.yaml
      apiVersion: batch/v1
      kind: Job
      metadata: {name: migrate}
      spec:
        parallelism: 2
        template: {spec: {containers: [{name: m, resources: {requests: {cpu: 200m, memory: 128Mi}}}]}}
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: nightly}
      spec:
        schedule: "0 3 * * *"
        jobTemplate: {spec: {template: {spec: {containers: [{name: n, resources: {requests: {cpu: 100m}}}]}}}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: shop}
      """
    let deployment = try Self.deployment(yaml)
    #expect(deployment.components.map(\.name) == ["worker"])
    #expect(deployment["worker"]?.isScaledDown == true)
    #expect(Footprint(deployment).cpuRequestMillicores == 0)
    let cluster = try #require(deployment.cluster)
    #expect(cluster.batch.map(\.name) == ["migrate", "nightly"])
    #expect(cluster.batch.first?.pods == 2)
    #expect(cluster.batch.first?.cpuMillicores == 200)
    #expect(cluster.pods.filter { $0.phase == .job }.count == 2)
    #expect(cluster.ignored.map(\.kind) == ["Service", "Ingress"])
  }

  /// A large replica count (the loader refuses more than 100 000) is replayed only up to the cap,
  /// with a note, and stays fast.
  @Test func absurdReplicaCountsAreCapped() throws {
    let yaml =
      Self.quota("{pods: \"3\"}")
      + ManifestLoaderTests.workload(
        "Deployment", "huge", replicas: "100000", resources: "{requests: {cpu: 1m}}")
    let deployment = try Self.deployment(yaml)
    let cluster = try #require(deployment.cluster)
    #expect(cluster.pods.count == ClusterSimulator.maxPodsPerWorkload)
    #expect(cluster.pods.filter { $0.admitted }.count == 3)
    #expect(
      cluster.notes == ["only the first 10000 of huge's 100000 pods are replayed through the quotas"])
    #expect(Footprint(deployment).cpuRequestMillicores == 100_000)
  }

  /// NotBestEffort / NotTerminating and PriorityClass Exists / NotIn (`podMatchesScopeFunc`), and the
  /// ephemeral-storage resources (`podComputeUsageHelper`).
  @Test func oppositeScopesAndEphemeralStorage() throws {
    let selector = { (op: String, values: String) in
      "  scopeSelector:\n    matchExpressions:\n      - {scopeName: PriorityClass, operator: \(op)\(values)}\n"
    }
    let yaml =
      Self.quota("{pods: \"0\"}", scopes: "  scopes: [NotBestEffort, NotTerminating]\n", name: "a-sized")
      + Self.quota("{pods: \"0\"}", scopes: selector("Exists", ""), name: "b-any-class")
      + Self.quota("{pods: \"0\"}", scopes: selector("NotIn", ", values: [low]"), name: "c-not-low")
      + Self.quota("{requests.ephemeral-storage: 1Gi}", name: "d-disk")
      + Self.pod("besteffort-low", extra: "  priorityClassName: low\n") + "\n---\n"
      + Self.pod("besteffort-none") + "\n---\n"
      + Self.pod(
        "disk", resources: "{requests: {ephemeral-storage: 2Gi}}", extra: "  activeDeadlineSeconds: 5\n")
    let cluster = try #require(try Self.deployment(yaml).cluster)
    let messages = Dictionary(
      uniqueKeysWithValues: cluster.pods.map { ($0.workload, $0.message ?? "admitted") })
    // BestEffort, class "low": not a-sized, matches b-any-class (has a class), which refuses first.
    #expect(messages["besteffort-low"]?.hasPrefix("exceeded quota: b-any-class, requested: pods=1") == true)
    // No class: NotIn [low] matches an empty class (the selector's "does not have the value" rule).
    #expect(messages["besteffort-none"]?.hasPrefix("exceeded quota: c-not-low, requested: pods=1") == true)
    // ephemeral-storage only: BestEffort for QoS (no cpu/memory), Terminating; c-not-low refuses it first.
    #expect(messages["disk"]?.hasPrefix("exceeded quota: c-not-low") == true)
    let disk = try Self.deployment(
      Self.quota("{requests.ephemeral-storage: 1Gi}")
        + Self.pod("disk", resources: "{requests: {ephemeral-storage: 2Gi}}"))
    #expect(
      disk.cluster?.pods.first?.message
        == "exceeded quota: q, requested: requests.ephemeral-storage=2Gi, used: requests.ephemeral-storage=0, "
        + "limited: requests.ephemeral-storage=1Gi")
  }

  /// Replica recommendations respect the web component's autoscaler range.
  @Test func replicaNeedIsComparedWithTheAutoscalerRange() {
    let range = AutoscalerRange(name: "django", minReplicas: 2, maxReplicas: 3)
    #expect(
      ReplicaRecommender.autoscalerNote(range, need: 5, web: "django")
        == "HorizontalPodAutoscaler django keeps django between 2 and 3 replicas: the measured need of 5 exceeds "
        + "maxReplicas, so the autoscaler cannot reach it; raise maxReplicas to 5")
    #expect(
      ReplicaRecommender.autoscalerNote(range, need: 1, web: "django").hasSuffix(
        "the measured need is 1, the plan keeps its minReplicas 2"))
  }
}
