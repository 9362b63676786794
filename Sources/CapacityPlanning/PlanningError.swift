import Foundation

/// Errors of the Planning layer: manifest, profile and SLO texts that make no sense (reading the
/// files is Ingest's, see `SettingsFileError`).
public enum PlanningError: Error, Equatable, LocalizedError {
  /// The file is not valid YAML; `line` is 1-based when known.
  case invalidYAML(file: String, line: Int?, reason: String)
  /// A resource quantity cannot be parsed or makes no sense (negative).
  case invalidQuantity(file: String, field: String, value: String, reason: String)
  /// A field has the wrong type or an impossible value.
  case invalidField(file: String, field: String, value: String, reason: String)
  /// A required field is absent.
  case missingField(file: String, field: String)
  /// Two profiles in one file share a name.
  case duplicateProfile(file: String, name: String)

  public var errorDescription: String? {
    switch self {
    case .invalidYAML(let file, let line?, let reason): "\(file):\(line): invalid YAML: \(reason)"
    case .invalidYAML(let file, nil, let reason): "\(file): invalid YAML: \(reason)"
    case .invalidQuantity(let file, let field, let value, let reason):
      "\(file): invalid quantity '\(value)' in \(field): \(reason)"
    case .invalidField(let file, let field, let value, let reason):
      "\(file): invalid value '\(value)' in \(field): \(reason)"
    case .missingField(let file, let field): "\(file): missing required field \(field)"
    case .duplicateProfile(let file, let name):
      "\(file): profile '\(name)' is defined more than once"
    }
  }
}
