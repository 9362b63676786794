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

  func loadProfiles() throws -> [Profile] {
    guard let model = OverheadModel(rawValue: overhead), model != .explicit else {
      throw ValidationError("'--overhead' must be none, docker or k3s (got '\(overhead)')")
    }
    guard let profiles else { return OverheadModel.apply(model, to: Profile.builtIns) }
    return OverheadModel.apply(model, to: try ProfileLoader().load(path: profiles))
  }

  func plan() throws -> CapacityPlan {
    let deployment = manifests.isEmpty ? nil : try ManifestLoader().load(paths: manifests)
    return CapacityPlan(profiles: try loadProfiles(), deployment: deployment)
  }
}
