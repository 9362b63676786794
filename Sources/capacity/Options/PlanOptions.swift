import ArgumentParser
import CapacityKit

/// The deployment and the VPS profiles to size it against.
struct PlanOptions: ParsableArguments {
  @Option(
    parsing: .upToNextOption,
    help: ArgumentHelp(
      "Kubernetes manifests or Compose files (files or directories of *.yaml/*.yml).",
      valueName: "path"), completion: .file(extensions: ["yaml", "yml"]))
  var manifests: [String] = []

  @Option(
    help: ArgumentHelp(
      "YAML file of VPS profiles; entries replace built-ins of the same name, others are added.",
      valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
  var profiles: String?

  @Option(
    help: ArgumentHelp(
      "System overhead reserved per profile: none; docker (a Compose host: 100m CPU, OS 300Mi + 100Mi "
        + "eviction margin); k3s (a node: GKE's reservation tiers + 100Mi eviction threshold). A profile "
        + "file's explicit overhead wins.",
      valueName: "model"), completion: .list(["none", "docker", "k3s"]))
  var overhead: String = "none"

  @Option(
    help: ArgumentHelp(
      "Namespace of manifest objects without metadata.namespace (default: default).", valueName: "name"))
  var namespace: String?

  @Flag(help: "Turn each ResourceQuota of the manifests into a profile that carries that quota.")
  var profilesFromQuota = false

  func loadProfiles() throws -> [Profile] {
    guard let model = OverheadModel(rawValue: overhead), model != .explicit else {
      throw ValidationError("'--overhead' must be none, docker or k3s (got '\(overhead)')")
    }
    guard let profiles else { return OverheadModel.apply(model, to: Profile.builtIns) }
    return OverheadModel.apply(model, to: try ProfileLoader().load(path: profiles))
  }

  func plan() throws -> CapacityPlan {
    let deployment = manifests.isEmpty ? nil : try ManifestLoader(namespace: namespace).load(paths: manifests)
    var profiles = try loadProfiles()
    if profilesFromQuota {
      let quotas = deployment?.cluster?.quotas.map(\.quota) ?? []
      guard !quotas.isEmpty else {
        throw ValidationError("'--profiles-from-quota' found no ResourceQuota in the manifests")
      }
      let fromQuotas = Profile.fromQuotas(quotas)
      profiles = Profile.sorted(
        profiles.filter { profile in !fromQuotas.contains { $0.name == profile.name } } + fromQuotas)
    }
    return CapacityPlan(profiles: profiles, deployment: deployment)
  }
}
