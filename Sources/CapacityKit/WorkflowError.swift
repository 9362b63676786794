import Foundation

/// Why a command's inputs do not fit together.
public enum WorkflowError: Error, Equatable, LocalizedError {
  case notOneRun(String, names: [String])

  public var errorDescription: String? {
    switch self {
    case .notOneRun(let argument, let names) where names.isEmpty:
      "'\(argument)' holds no run"
    case .notOneRun(let argument, let names):
      "'\(argument)' holds \(names.count) runs (\(names.joined(separator: ", "))); name one of them"
    }
  }
}
