import Foundation
import Testing

/// The built binary on generated hostile raw logs: exit status, the warning line on stderr and
/// the stored counts (truth from the generators' arithmetic; see `BoundedIngestTests`).
@Suite(.serialized) struct BoundedIngestEndToEndTests {
  static let header =
    "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
    + "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n"

  static func row(_ startMs: Int64, label: String) -> String {
    "\(startMs),10,\(label),200,OK,t,text,true,,1,1,1,1,u,1,0,1\n"
  }

  func ingest(_ runner: BinaryRunner, _ name: String, _ text: String, _ extra: [String] = []) throws
    -> (BinaryRunner.Result, [[String: Any]])
  {
    FileManager.default.createFile(atPath: runner.path(name), contents: Data(text.utf8))
    let result = try runner.run(["ingest", runner.path(name), "--db", "runs.sqlite"] + extra)
    let listed = try runner.run(["runs", "--db", "runs.sqlite", "--json"])
    let runs = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
    return (result, runs ?? [])
  }

  @Test func labelsPastTheCapAreOneWarningAndEveryRequestIsStored() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let text =
      Self.header + (0..<10_500).map { Self.row(1_717_000_000_000 + Int64($0), label: "/u/\($0)") }.joined()
    let (result, runs) = try ingest(runner, "labels.jtl", text)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    let lines = result.stderr.split(separator: "\n").filter { $0.contains("distinct request labels") }
    #expect(
      lines == [
        "\(runner.path("labels.jtl")): warning: more than 10000 distinct request labels: the 501 rarest (501 "
          + "requests) are counted together as (other)"
      ], "\(result.stderr)")
    #expect(runs.first?["requests"] as? Int == 10_500)
  }

  @Test func aCutOffXMLJTLIsAWarningAtTheLineItStops() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <testResults version="1.2">
      <httpSample t="10" ts="1700000000000" s="true" lb="A" rc="200" rm="OK"/>
      <httpSample t="11" ts="1700000000100" s="true" lb="A" rc="200" rm="OK"/>
      <httpSample t="12" ts="1700000000200" s="true" lb="A" rc="200" rm="OK"/>
      <httpSample t="13" ts="1700000000300" s="true" lb="A" rc="200" rm="OK">
        <assertionResult><name>x</name><failure>fal
      """
    let (result, runs) = try ingest(runner, "cut.jtl", text)
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(
      result.stderr.contains(
        "\(runner.path("cut.jtl")):7: warning: the file is cut off here (no </testResults>), inside the sample "
          + "that starts at line 6: the complete samples before it are read, that one is not"),
      "\(result.stderr)")
    #expect(runs.first?["requests"] as? Int == 3)
  }

  @Test func aSparseWeekReadAsOneRunIsStoredWhole() throws {
    let runner = try BinaryRunner()
    defer { runner.remove() }
    let text =
      Self.header + (0..<336).map { Self.row(1_717_000_000_000 + Int64($0) * 1_800_000, label: "a") }.joined()
    let (result, runs) = try ingest(runner, "week.jtl", text, ["--session-gap", "0"])
    #expect(result.status == 0, "stderr: \(result.stderr)")
    #expect(runs.count == 1)
    #expect(runs.first?["requests"] as? Int == 336)
  }
}
