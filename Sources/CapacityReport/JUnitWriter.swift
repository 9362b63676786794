import CLibXML2
import CapacityAnalysis
import CapacityModel
import Foundation

/// Writes SLO results as JUnit XML with libxml2: one `<testsuite>` per run, one `<testcase>` per
/// objective, a `<failure>` for each objective the run broke. The shape is the common JUnit
/// format CI servers read (Jenkins, GitLab, GitHub actions): `testsuites` › `testsuite`
/// (name, tests, failures, errors, skipped, time) › `testcase` (name, classname, time).
/// libxml2 escapes every attribute and text node, so labels from input files stay inert.
///
/// `time` is the run's measured duration in seconds (`durations`, by run id): a suite's time is
/// its run's duration, each testcase gets an equal share of it (so the cases add up to the suite,
/// as CI servers total them), and `testsuites` the sum over the runs.
public struct JUnitWriter: Sendable {
  public init() {}

  /// The document as UTF-8 text.
  public func xml(_ results: [SLOResult], durations: [String: Double] = [:]) throws(ReportError) -> String {
    guard let document = build(results, durations: durations) else {
      throw .junitUnwritable(path: "<memory>", reason: "libxml2 could not build the document")
    }
    defer { xmlFreeDoc(document) }
    var buffer: UnsafeMutablePointer<xmlChar>?
    var size: Int32 = 0
    xmlDocDumpFormatMemoryEnc(document, &buffer, &size, "UTF-8", 1)
    guard let buffer else {
      throw .junitUnwritable(path: "<memory>", reason: "libxml2 could not build the document")
    }
    // libxml2's default xmlFree is free(3); its global function pointer is not concurrency-safe.
    defer { free(buffer) }
    return String(decoding: UnsafeBufferPointer(start: buffer, count: Int(size)), as: UTF8.self)
  }

  /// Writes the document to `path`.
  public func write(_ results: [SLOResult], durations: [String: Double] = [:], to path: String)
    throws(ReportError)
  {
    let text = try xml(results, durations: durations)
    do {
      let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
      try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw .junitUnwritable(path: path, reason: FileSystemError.plainWords(error))
    }
  }

  private func build(_ results: [SLOResult], durations: [String: Double]) -> xmlDocPtr? {
    guard let document = xmlNewDoc("1.0"), let root = xmlNewNode(nil, "testsuites") else { return nil }
    xmlDocSetRootElement(document, root)
    let failures = results.filter { !$0.passed }.count
    set(root, "name", "capacity check")
    set(root, "tests", "\(results.count)")
    set(root, "failures", "\(failures)")
    set(root, "errors", "0")
    var runs: [(id: String, name: String, results: [SLOResult])] = []
    for result in results {
      if let index = runs.firstIndex(where: { $0.id == result.runID }) {
        runs[index].results.append(result)
      } else {
        runs.append((result.runID, result.runName, [result]))
      }
    }
    set(root, "time", seconds(runs.reduce(0) { $0 + (durations[$1.id] ?? 0) }))
    for (index, run) in runs.enumerated() {
      let duration = durations[run.id] ?? 0
      guard let suite = xmlNewChild(root, nil, "testsuite", nil) else { return nil }
      set(suite, "name", run.name)
      set(suite, "id", "\(index)")
      set(suite, "package", "capacity.slo")
      set(suite, "tests", "\(run.results.count)")
      set(suite, "failures", "\(run.results.filter { !$0.passed }.count)")
      set(suite, "errors", "0")
      set(suite, "skipped", "0")
      set(suite, "time", seconds(duration))
      if let properties = xmlNewChild(suite, nil, "properties", nil),
        let property = xmlNewChild(properties, nil, "property", nil)
      {
        set(property, "name", "run_id")
        set(property, "value", run.id)
      }
      for result in run.results {
        guard let testcase = xmlNewChild(suite, nil, "testcase", nil) else { return nil }
        set(testcase, "name", result.objective.description)
        set(testcase, "classname", "capacity.slo.\(run.name)")
        set(testcase, "time", seconds(duration / Double(run.results.count)))
        if !result.passed {
          guard let failure = xmlNewChild(testcase, nil, "failure", nil) else { return nil }
          set(failure, "message", result.detail)
          set(failure, "type", result.measured == nil ? "not-measured" : "slo-breached")
          xmlNodeAddContent(failure, result.detail)
        } else if let output = xmlNewChild(testcase, nil, "system-out", nil) {
          xmlNodeAddContent(output, result.detail)
        }
      }
    }
    return document
  }

  /// Seconds with millisecond precision, POSIX decimal point (`xs:decimal` in the schema).
  private func seconds(_ value: Double) -> String {
    NumberFormat.decimal(value.isFinite ? max(0, value) : 0, places: 3)
  }

  private func set(_ node: xmlNodePtr, _ name: String, _ value: String) {
    xmlSetProp(node, name, value)
  }
}
