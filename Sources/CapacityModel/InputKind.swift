/// The kinds of input file `capacity` recognises, detected from content, never from the name.
public enum InputKind: String, Sendable, Equatable, CaseIterable {
  case locustStats = "locust-stats"
  case locustHistory = "locust-stats-history"
  case locustFailures = "locust-failures"
  case locustExceptions = "locust-exceptions"
  /// Locust 0.x `PREFIX_requests.csv` and `PREFIX_distribution.csv`.
  case locustLegacyRequests = "locust-0x-requests"
  case locustLegacyDistribution = "locust-0x-distribution"
  case prometheusRange = "prometheus-query-range"
  case sadfXML = "sadf-xml"
  case sadfCSV = "sadf-csv"
  case pidstat = "pidstat"
  case kubectlTop = "kubectl-top-log"
  case dockerStats = "docker-stats-log"
  case jmeterCSV = "jmeter-jtl-csv"
  case jmeterXML = "jmeter-jtl-xml"
  case k6CSV = "k6-csv"
  case k6JSON = "k6-json"
  case vegetaCSV = "vegeta-csv"
  case gatlingLog = "gatling-log"
  /// Gatling 3.12.1+ binary `simulation.log`: recognised only to refuse it with a clear message.
  case gatlingBinary = "gatling-binary"
  /// vegeta's default (gob) `attack` output: recognised only to say how to convert it.
  case vegetaBinary = "vegeta-binary"

  /// The file-name suffix Locust gives this kind after its `--csv PREFIX`.
  package var locustSuffix: String {
    switch self {
    case .locustStats: "_stats.csv"
    case .locustHistory: "_stats_history.csv"
    case .locustFailures: "_failures.csv"
    case .locustExceptions: "_exceptions.csv"
    case .locustLegacyRequests: "_requests.csv"
    case .locustLegacyDistribution: "_distribution.csv"
    default: ""
    }
  }
}
