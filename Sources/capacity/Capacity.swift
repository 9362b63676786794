import ArgumentParser

@main
struct Capacity: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "capacity",
    abstract: "Turn finished load-test runs into a VPS sizing answer.",
    discussion: """
      Reads Locust CSV results (detected by content), stores them in SQLite, checks each run's
      validity, sizes the deployment's Kubernetes manifests against VPS profiles and writes an
      HTML, Markdown and JSON report.

        capacity analyze samples/ --manifests samples/k8s -o capacity-report/

      Exit status: 0 ok, 1 error, 2 a gate failed (plan --strict), 64 usage.
      """,
    version: "0.1.0",
    subcommands: [
      Analyze.self, Ingest.self, Runs.self, Report.self, Compare.self, Check.self, Plan.self,
      Profiles.self, Templates.self,
    ]
  )
}
