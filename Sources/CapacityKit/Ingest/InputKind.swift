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
  var locustSuffix: String {
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

  /// Detects the kind from a file's first bytes; `nil` when nothing matches.
  public static func detect(head: [UInt8]) -> InputKind? {
    let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let end = head[start...].firstIndex { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } ?? head.count
    let firstLine = String(decoding: head[start..<end], as: UTF8.self)
    let columns = firstLine.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: "\"")
    }
    func startsWith(_ names: [String]) -> Bool { columns.starts(with: names) }
    if startsWith(["Type", "Name", "Request Count", "Failure Count"]) { return .locustStats }
    if startsWith(["Timestamp", "User Count", "Type", "Name"]) { return .locustHistory }
    if startsWith(["Method", "Name", "Error", "Occurrences"]) { return .locustFailures }
    if startsWith(["Count", "Message", "Traceback", "Nodes"]) { return .locustExceptions }
    if startsWith(LocustLegacyParser.requestsColumns) { return .locustLegacyRequests }
    if startsWith(LocustLegacyParser.distributionColumns), columns.count > 2, columns[2].hasSuffix("%") {
      return .locustLegacyDistribution
    }
    if let kind = ResourceKindDetector.detect(head: head[start...]) { return kind }
    return RawLogDetector.detect(head: head)
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in character: Character) -> String {
    var slice = self[...]
    while slice.first == character { slice = slice.dropFirst() }
    while slice.last == character { slice = slice.dropLast() }
    return String(slice)
  }
}
