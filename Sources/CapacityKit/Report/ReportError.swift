import Foundation

/// Why a report could not be rendered.
public enum ReportError: Error, Equatable, LocalizedError {
  case templateNotFound(String)
  case templateInvalid(name: String, reason: String)
  /// The JUnit XML file could not be built or written.
  case junitUnwritable(path: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .templateNotFound(let name):
      "template '\(name)' not found: pass --templates DIR, or install the folder "
        + "capacity_CapacityTemplates.resources from the build directory beside the capacity binary"
    case .templateInvalid(let name, let reason): "template '\(name)' does not parse: \(reason)"
    case .junitUnwritable(let path, let reason): "cannot write the JUnit XML file '\(path)': \(reason)"
    }
  }
}
