import CapacityIngest
import CapacityModel
import CapacityPlanning
import CapacityStorePostgres
import Foundation

/// Every parser of `capacity`, by name, reading bytes through the same entry point the command
/// line uses for that format. The fuzz targets (`Fuzz/`, `scripts/fuzz TARGET`) and the fuzz
/// regression tests feed inputs through it; errors are refusals and are ignored.
public enum ParserTarget: String, CaseIterable, Sendable {
  case jtlCSV = "jtl-csv"
  case jtlXML = "jtl-xml"
  case k6CSV = "k6-csv"
  case k6JSON = "k6-json"
  case vegeta
  case gatling
  case locustStats = "locust-stats"
  case locustHistory = "locust-history"
  case locustFailures = "locust-failures"
  case pidstat
  case sadfXML = "sadf-xml"
  case sadfCSV = "sadf-csv"
  case prometheus
  case kubectlTop = "kubectl-top"
  case dockerStats = "docker-stats"
  case events
  case manifests
  case slo
  case profiles
  /// A `--db` / `CAPACITY_DB` PostgreSQL URL (the first line) and password-file lines (the rest).
  case postgresURL = "postgres-url"
  /// Content detection, then whichever parser the bytes are detected as.
  case detect

  /// The input kind the target's bytes are read as; `nil` for the YAML and event targets.
  package var kind: InputKind? {
    switch self {
    case .jtlCSV: .jmeterCSV
    case .jtlXML: .jmeterXML
    case .k6CSV: .k6CSV
    case .k6JSON: .k6JSON
    case .vegeta: .vegetaCSV
    case .gatling: .gatlingLog
    case .locustStats: .locustStats
    case .locustHistory: .locustHistory
    case .locustFailures: .locustFailures
    case .pidstat: .pidstat
    case .sadfXML: .sadfXML
    case .sadfCSV: .sadfCSV
    case .prometheus: .prometheusRange
    case .kubectlTop: .kubectlTop
    case .dockerStats: .dockerStats
    case .events, .manifests, .slo, .profiles, .postgresURL, .detect: nil
    }
  }

  /// Reads `bytes` as this target's format; a refusal (a thrown error) is not reported.
  public func run(_ bytes: [UInt8]) {
    switch self {
    case .events:
      _ = try? ChaosEventParser().parse(bytes, file: "fuzz-events")
    case .manifests:
      _ = try? ManifestLoader().parse(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
    case .slo:
      _ = try? SLOLoader().parse(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz-slo.yaml")
    case .profiles:
      _ = try? ProfileLoader().parse(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz-profiles.yaml")
    case .postgresURL:
      let text = String(decoding: bytes, as: UTF8.self)
      let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
      let url = String(lines.first ?? "")
      // No password file is read: the lines after the URL are parsed as one would be.
      _ = try? PostgresLocation(
        url: url, environment: ["PGPASSFILE": "/nonexistent/pgpass"], home: "/nonexistent")
      _ = PostgresLocation.masking(url)
      for line in lines.dropFirst().first?.split(whereSeparator: \.isNewline) ?? [] {
        _ = PasswordFile.fields(String(line))
      }
    case .detect:
      guard let kind = InputKind.detect(head: Array(bytes.prefix(4096))) else { return }
      Self.read(bytes, as: kind)
    default:
      Self.read(bytes, as: kind!)
    }
  }

  package static func read(_ bytes: [UInt8], as kind: InputKind) {
    let file = InputFile(path: "fuzz-input", kind: kind, bytes: bytes)
    if ResourceFileReader.isResource(kind) {
      _ = try? ResourceFileReader().read(file)
    } else if kind.isRawLog {
      _ = try? RawLogRunBuilder(exactBudget: 1_000).build([file])
    } else {
      _ = try? LocustRunAssembler().assemble([file])
    }
  }
}
