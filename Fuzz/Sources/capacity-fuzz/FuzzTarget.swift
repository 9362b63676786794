import CapacityKit
import Foundation

/// The parser named by `CAPACITY_FUZZ_TARGET` (see `ParserTarget` for the names).
enum FuzzTarget {
  nonisolated(unsafe) static let current: ParserTarget = {
    let name = ProcessInfo.processInfo.environment["CAPACITY_FUZZ_TARGET"] ?? ""
    guard let target = ParserTarget(rawValue: name) else {
      let names = ParserTarget.allCases.map(\.rawValue).joined(separator: ", ")
      FileHandle.standardError.write(Data("CAPACITY_FUZZ_TARGET must be one of: \(names)\n".utf8))
      exit(64)
    }
    return target
  }()
}
