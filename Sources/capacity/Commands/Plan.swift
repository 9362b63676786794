import ArgumentParser
import CapacityKit

extension Capacity {
  struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "plan",
      abstract: "Size the manifests' requests against the VPS profiles; no runs needed.",
      discussion: "With --strict, exits 2 when no profile is RECOMMENDED.")

    @OptionGroup var plan: PlanOptions

    @Flag(help: "Exit with status 2 when no profile is RECOMMENDED.")
    var strict = false

    @Flag(help: "Print the plan as JSON (footprint, profiles, quota_and_limits; docs/report-schema.md).")
    var json = false

    func validate() throws {
      if plan.manifests.isEmpty { throw ValidationError("'plan' needs '--manifests PATH…'") }
    }

    func run() throws {
      let capacityPlan = try plan.plan()
      if json {
        print(ReportRenderer.json(ReportBuilder().planDocument(capacityPlan)), terminator: "")
      } else {
        print(PlanFormatter.table(capacityPlan), terminator: "")
      }
      if strict, !capacityPlan.fits.contains(where: { $0.verdict == .recommended }) {
        throw ExitCode(2)
      }
    }
  }
}
