import CapacityModel

extension InputKind {
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
