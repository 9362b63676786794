import ArgumentParser
import CapacityKit

/// The deployment and the VPS profiles to size it against.
struct PlanOptions: ParsableArguments {
  @Option(
    parsing: .upToNextOption,
    help: ArgumentHelp(
      "Kubernetes manifests or Compose files (files or directories of *.yaml/*.yml).",
      valueName: "path"))
  var manifests: [String] = []

  @Option(
    help: ArgumentHelp(
      "YAML file of VPS profiles; entries replace built-ins of the same name, others are added.",
      valueName: "file"))
  var profiles: String?

  func loadProfiles() throws -> [Profile] {
    guard let profiles else { return Profile.builtIns }
    return try ProfileLoader().load(path: profiles)
  }

  func plan() throws -> CapacityPlan {
    let deployment = manifests.isEmpty ? nil : try ManifestLoader().load(paths: manifests)
    return CapacityPlan(profiles: try loadProfiles(), deployment: deployment)
  }
}
