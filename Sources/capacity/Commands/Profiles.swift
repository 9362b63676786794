import ArgumentParser
import CapacityKit

extension Capacity {
  struct Profiles: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "profiles",
      abstract: "Show the VPS profiles in force (built-ins, plus --profiles FILE).")

    @Option(
      help: ArgumentHelp("YAML file of VPS profiles.", valueName: "file"),
      completion: .file(extensions: ["yaml", "yml"]))
    var profiles: String?

    func run() throws {
      let options = try PlanOptions.parse(profiles.map { ["--profiles", $0] } ?? [])
      print(PlanFormatter.profiles(try options.loadProfiles()), terminator: "")
    }
  }
}
