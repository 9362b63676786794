import Foundation

/// Why a report could not be rendered.
public enum ReportError: Error, Equatable, LocalizedError {
  case templateNotFound(String)
  case templateInvalid(name: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .templateNotFound(let name):
      "template '\(name)' not found (in --templates DIR, or the bundled defaults)"
    case .templateInvalid(let name, let reason): "template '\(name)' does not parse: \(reason)"
    }
  }
}
