import Foundation

/// The columns of a JMeter CSV JTL: mapped by header name, or JMeter 5.x's default order when
/// the file has no header (`print_field_names=false`).
package struct JTLCSVLayout: Sendable {
  package enum Role: UInt8, Sendable {
    case ignored, timeStamp, elapsed, label, responseCode, responseMessage, threadName, success
    case failureMessage, allThreads, grpThreads
    /// `Latency` (time to first byte) and `Connect`, ms.
    case firstByte, connect
  }

  package static let defaultColumns = [
    "timeStamp", "elapsed", "label", "responseCode", "responseMessage", "threadName", "dataType",
    "success", "failureMessage", "bytes", "sentBytes", "grpThreads", "allThreads", "URL", "Latency",
    "IdleTime", "Connect",
  ]
  package static let candidateDelimiters: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]  // , ; tab |

  package var delimiter: UInt8
  package var roles: [Role]
  package var hasHeader: Bool
  /// Columns named twice in the header (the first copy is read), as sentences.
  package var duplicates: [String] = []

  /// Without a `success` column, a row failed when its responseCode is not 2xx/3xx.
  package var derivesSuccess = false

  package static func isHeader(_ line: String) -> Bool {
    line.contains("timeStamp") && line.contains("elapsed") && line.contains("label")
  }

  /// The delimiter of a headerless row starting with an epoch-ms timestamp and the elapsed time.
  package static func headerlessDelimiter(_ line: String) -> UInt8? {
    let bytes = Array(line.utf8)
    var index = 0
    while index < bytes.count, bytes[index] &- 48 <= 9 { index += 1 }
    guard (10...13).contains(index), index < bytes.count, candidateDelimiters.contains(bytes[index]) else {
      return nil
    }
    let delimiter = bytes[index]
    var next = index + 1
    while next < bytes.count, bytes[next] &- 48 <= 9 { next += 1 }
    guard next > index + 1, next < bytes.count, bytes[next] == delimiter else { return nil }
    return bytes.filter { $0 == delimiter }.count >= 4 ? delimiter : nil
  }

  package init?(firstLine: String) {
    if Self.isHeader(firstLine) {
      let bytes = Array(firstLine.utf8)
      let delimiter = Self.candidateDelimiters.max { a, b in
        bytes.filter { $0 == a }.count < bytes.filter { $0 == b }.count
      }!
      self.delimiter = delimiter
      let names = firstLine.split(
        separator: Character(UnicodeScalar(delimiter)), omittingEmptySubsequences: false
      )
      .map { $0.trimmingCharacters(in: .init(charactersIn: "\"\r ")) }
      var seen: [Role: Int] = [:]
      var duplicates: [String] = []
      roles = names.enumerated().map { position, name in
        let role = Self.role(name)
        guard role != .ignored else { return .ignored }
        if let first = seen[role] {
          duplicates.append("'\(name)' is both column \(first + 1) and column \(position + 1)")
          return .ignored
        }
        seen[role] = position
        return role
      }
      self.duplicates = duplicates
      derivesSuccess = !roles.contains(.success) && roles.contains(.responseCode)
      hasHeader = true
    } else if let delimiter = Self.headerlessDelimiter(firstLine) {
      self.delimiter = delimiter
      roles = Self.defaultColumns.map(Self.role)
      hasHeader = false
    } else {
      return nil
    }
  }

  /// A header-less layout from known column names (`JTLHeaderlessLayout`).
  package init(delimiter: UInt8, columns: [String]) {
    self.delimiter = delimiter
    roles = columns.map(Self.role)
    hasHeader = false
  }

  package static func role(_ name: String) -> Role {
    switch name {
    case "timeStamp": .timeStamp
    case "elapsed": .elapsed
    case "label": .label
    case "responseCode": .responseCode
    case "responseMessage": .responseMessage
    case "threadName": .threadName
    case "success": .success
    case "failureMessage": .failureMessage
    case "allThreads": .allThreads
    case "grpThreads": .grpThreads
    case "Latency": .firstByte
    case "Connect": .connect
    default: .ignored
    }
  }

  package var missingRequired: [String] {
    [(Role.timeStamp, "timeStamp"), (.elapsed, "elapsed"), (.label, "label")]
      .filter { !roles.contains($0.0) }.map(\.1)
  }
}
