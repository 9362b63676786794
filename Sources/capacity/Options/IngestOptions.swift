import ArgumentParser
import CapacityKit
import Foundation

/// How raw request logs are read.
struct IngestOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Latencies kept exactly per run (12 bytes each) before percentiles fall back to HDR histograms "
        + "with 3 significant digits.", valueName: "n"))
  var exactBudget = RawLogRunBuilder.defaultExactBudget

  @Option(
    help: ArgumentHelp(
      "A raw log with no samples for longer than this is split into sessions, one run each (FILE#1, "
        + "FILE#2…): seconds, or with s/m/h (90s, 5m, 2h); 0 never splits.", valueName: "duration"))
  var sessionGap = "5m"

  @Flag(
    help: ArgumentHelp(
      "Read all raw logs given as one run: the load generators of one distributed test (JMeter "
        + "engines, k6 runners, vegeta attackers). Percentiles are exact over the union."))
  var merge = false

  @Option(
    help: ArgumentHelp(
      "Column names of header-less JMeter CSV files, in order, e.g. "
        + "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success.",
      valueName: "names"))
  var jtlColumns: String?

  func validate() throws {
    guard exactBudget >= 0 else { throw ValidationError("'--exact-budget' must be 0 or more") }
    guard Self.seconds(sessionGap) != nil else {
      throw ValidationError(
        "'--session-gap' must be a duration such as 300, 90s, 5m or 2h (got '\(sessionGap)')")
    }
  }

  /// Seconds in `300`, `90s`, `5m`, `2h`.
  static func seconds(_ text: String) -> Int64? {
    let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]
    let multiplier = text.last.flatMap { units[$0] } ?? 1
    let digits = units[text.last ?? " "] == nil ? Substring(text) : text.dropLast()
    guard let value = Int64(digits), value >= 0, value <= 366 * 86_400 / multiplier else { return nil }
    return value * multiplier
  }

  /// The raw-log reader, with a progress bar on a terminal.
  var rawLogs: RawLogRunBuilder {
    RawLogRunBuilder(
      exactBudget: exactBudget, progress: ProgressBar.forStandardError,
      sessionGap: Self.seconds(sessionGap) ?? RawLogRunBuilder.defaultSessionGap, merge: merge,
      jtlColumns: jtlColumns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
  }
}
