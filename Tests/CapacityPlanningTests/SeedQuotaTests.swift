import Foundation
import Testing

@testable import CapacityPlanning
@testable import CapacityTestSupport

/// The seed's first problem rebuilt (Fixtures/seed-quota, numbers from its `truth.py`): 27 pods of the
/// application, the load generator and the monitoring stack run in `jewelry-shop` when `vps-quota`
/// (limits.cpu 6, limits.memory 8Gi) is created; the next pod, a probe that the LimitRange gives
/// 500m / 512Mi limits, is refused with the API server's error from the seed write-up.
@Suite struct SeedQuotaTests {
  static func deployment() throws -> Deployment {
    try ManifestLoader().load(paths: [PlanningTestSupport.fixture("seed-quota")])
  }

  @Test func probePodIsRefusedWithTheSeedsNumbers() throws {
    let cluster = try #require(try Self.deployment().cluster)
    let quota = try #require(cluster.quotas.first)
    #expect(quota.quota.name == "vps-quota")
    #expect(quota.podsBeforeQuota == 27)
    let probe = try #require(cluster.pods.first { $0.workload == "connectivity-probe" })
    #expect(!probe.admitted)
    #expect(probe.refusedBy == "quota vps-quota")
    // Verbatim from the seed: "exceeded quota: vps-quota / requested: limits.cpu=500m, limits.memory=512Mi /
    // used: limits.cpu=20700m, limits.memory=23296Mi / limited: limits.cpu=6, limits.memory=8Gi".
    #expect(
      probe.message
        == "exceeded quota: vps-quota, requested: limits.cpu=500m,limits.memory=512Mi, used: "
        + "limits.cpu=20700m,limits.memory=23296Mi, limited: limits.cpu=6,limits.memory=8Gi")
    // The LimitRange filled the probe's requests and limits in (LimitRanger annotation wording).
    #expect(
      cluster.defaults.contains {
        $0.workload == "connectivity-probe"
          && $0.text == "cpu 100m, memory 128Mi request for container curl (LimitRange vps-limits)"
      })
  }

  @Test func autoscalerPeakPodIsRefusedToo() throws {
    let deployment = try Self.deployment()
    let cluster = try #require(deployment.cluster)
    let peak = cluster.pods.filter { $0.phase == .peak }
    #expect(peak.map(\.workload) == ["django"])
    #expect(peak.first?.ordinal == 4)
    #expect(
      peak.first?.message
        == "exceeded quota: vps-quota, requested: limits.cpu=1,limits.memory=1Gi, used: "
        + "limits.cpu=20700m,limits.memory=23296Mi, limited: limits.cpu=6,limits.memory=8Gi")
    #expect(deployment["django"]?.replicas == 3)
    #expect(deployment["django"]?.peakReplicas == 4)
    // Every pod that ran before the quota was admitted: 27 steady pods + the probe + django's peak pod.
    #expect(cluster.pods.count == 29)
    #expect(cluster.refusedPods.count == 2)
  }

  @Test func quotaInForceFromTheStartAdmitsEightPods() throws {
    let deployment = try Self.deployment()
    let result = ClusterSimulator(objects: deployment.objects, quotaFromStart: "vps-quota").run()
    let steady = result.view.pods.filter { $0.phase != .peak }
    #expect(steady.filter(\.admitted).count == 8)
    #expect(steady.filter { !$0.admitted }.count == 20)
    let first = try #require(steady.first { !$0.admitted })
    #expect(first.workload == "celery-worker")
    #expect(first.ordinal == 3)
    #expect(
      first.message
        == "exceeded quota: vps-quota, requested: limits.cpu=800m, used: limits.cpu=5600m, limited: limits.cpu=6"
    )
    let quota = try #require(result.view.quotas.first)
    #expect(quota.used["limits.cpu"]?.description == "5850m")
    #expect(quota.used["limits.memory"]?.description == "6400Mi")
    #expect(quota.used["pods"]?.description == "8")
  }
}

/// Real `kubectl kustomize` output (Fixtures/kustomize, README there has the command and the hand check).
@Suite struct KustomizeOutputTests {
  @Test func kustomizedNamespaceAndQuotaAreHonoured() throws {
    let deployment = try ManifestLoader().load(paths: [PlanningTestSupport.fixture("kustomize/shop.yaml")])
    let cluster = try #require(deployment.cluster)
    #expect(cluster.namespaces == ["shop"])
    #expect(cluster.pods.map(\.admitted) == [true, true, true, false])
    #expect(
      cluster.pods.last?.message
        == "exceeded quota: small, requested: requests.cpu=300m, used: requests.cpu=900m, limited: requests.cpu=1"
    )
    #expect(cluster.ignored.map(\.kind) == ["Service"])
  }
}
