import CapacityModel

/// Recognises resource-sample files from their first bytes (see `InputKind`).
package enum ResourceKindDetector {
  package static func detect(head: ArraySlice<UInt8>) -> InputKind? {
    let text = String(decoding: head, as: UTF8.self)
    let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }
    if trimmed.hasPrefix("{"), text.contains("\"resultType\""), text.contains("\"matrix\"") {
      return .prometheusRange
    }
    if trimmed.hasPrefix("<"), text.contains("<sysstat") { return .sadfXML }
    let lines = text.textLines().filter { !$0.isEmpty }
    guard let first = lines.first else { return nil }
    if first.hasPrefix("# hostname;interval;timestamp;") { return .sadfCSV }
    if first.hasPrefix("Linux "),
      lines.contains(where: { $0.hasPrefix("# Time") && $0.contains("PID") && $0.contains("%CPU") })
    {
      return .pidstat
    }
    // Timestamped logs: judge the first line that is not a header.
    for line in lines.prefix(20) {
      let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard tokens.count >= 2 else { continue }
      let stamped = OffsetTimestamp.parse(tokens[0]) != nil
      let body = stamped ? Array(tokens.dropFirst()) : tokens
      if body.contains("CPU(cores)") { return .kubectlTop }
      if body.first == "CONTAINER" && body.contains("ID") { return stamped ? .dockerStats : nil }
      guard stamped else { return nil }
      if body.first?.hasPrefix("{") == true { return line.contains("\"CPUPerc\"") ? .dockerStats : nil }
      if body.count >= 4, body[2].hasSuffix("%"), body[3].hasSuffix("iB") || body[3].hasSuffix("B") {
        return .dockerStats
      }
      if let cpu = body.indices.dropFirst().first(where: { KubectlTopParser.millicores(body[$0]) != nil }),
        cpu + 1 < body.count, (try? Quantity(parsing: body[cpu + 1])) != nil
      {
        return .kubectlTop
      }
      return nil
    }
    return nil
  }
}
