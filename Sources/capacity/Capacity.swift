import ArgumentParser
import CapacityKit

@main
struct Capacity: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "capacity",
    abstract: "Turn finished load-test runs into a VPS sizing answer.",
    discussion: """
      Reads load-test results (Locust CSV, JMeter JTL, k6, vegeta, Gatling) and resource samples (Prometheus, sysstat, pidstat, kubectl top, docker stats), detected by content; stores them in SQLite (or a team's PostgreSQL: --db postgres://…, or CAPACITY_DB); checks each run's validity, finds saturation points and recovery times; sizes the deployment's Kubernetes manifests against VPS profiles; and writes an HTML, Markdown and JSON report.

        capacity analyze runs/ --manifests k8s/ -o capacity-report/

      Exit status: 0 ok, 1 error, 2 a gate failed (check, compare, plan --strict), 64 usage.

      Shell completion: capacity --generate-completion-script bash|zsh|fish.
      """,
    version: CapacityVersion.current,
    subcommands: [
      Analyze.self, Ingest.self, Runs.self, Report.self, Compare.self, Check.self, Plan.self,
      Profiles.self, Templates.self, Store.self,
    ]
  )
}
