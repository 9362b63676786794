import CapacityModel

extension ReportViewBuilder {
  /// One line per timed phase of a raw log (`Time to first byte (JMeter Latency): p50 …`), or the
  /// line that says the file had no such column; nothing for Locust (no per-request timing).
  static func timingLines(_ entry: ReportDocument.RunEntry) -> [String] {
    if let tool = untimedTools[entry.tool] {
      return ["Time to first byte and connect time: not shown, \(tool) holds neither."]
    }
    guard let source = timingSources[entry.tool] else { return [] }
    let phases: [(String, String, ReportDocument.TimingEntry?)] = [
      ("Time to first byte", source.firstByte, entry.timeToFirstByteMs),
      ("Connect time", source.connect, entry.connectMs),
    ]
    return phases.map { title, column, timing in
      guard let timing else { return "\(title): not shown, the file had no \(column)." }
      let method = timing.method == PercentileMethod.exactR7.rawValue ? "exact R-7" : "HDR, 3 digits"
      return "\(title) (\(column)): p50 \(NumberFormat.milliseconds(timing.p50)), "
        + "p95 \(NumberFormat.milliseconds(timing.p95)), p99 \(NumberFormat.milliseconds(timing.p99)) "
        + "over \(timing.requests) requests (\(method))."
    }
  }

  /// Where each raw-log tool writes the two phases, as the report names them.
  private static let timingSources: [String: (firstByte: String, connect: String)] = [
    "jmeter": ("JMeter Latency column", "JMeter Connect column"),
    "k6": ("k6 http_req_waiting rows", "k6 http_req_connecting rows"),
  ]
  /// Raw-log tools whose files never time the phases.
  private static let untimedTools = ["vegeta": "vegeta's CSV", "gatling": "Gatling's simulation.log"]
}
