import Foundation
import Testing

@testable import CapacityAnalysis
@testable import CapacityStatistics
@testable import CapacityTestSupport

/// Runs built from raw logs: step percentiles over the steady part (DuckDB), HDR beyond the exact
/// budget, exact percentiles over sorted parts.
@Suite struct RawLogRunBuilderTests {
  /// The step at 30 users runs from second 7 to 58; its steady part (after the 15 % warm-up)
  /// is Unix seconds 1795918865…1795918908. Independent value:
  /// `duckdb.sql("select count(*), quantile_cont(elapsed, 0.95) from read_csv('jmeter_csv_results.jtl',
  /// header=true) where timeStamp//1000 between 1795918865 and 1795918908")` → (867, 193.69999999999993).
  @Test func stepP95IsExactOverTheSteadyPart() throws {
    let run = try RawLogs.run(path: RawLogs.fixture("jmeter_csv_results.jtl"))
    let analysis = RunAnalyzer().analyze(run)
    let step = try #require(analysis.steps.first)
    #expect(analysis.steps.count == 1)
    #expect(step.users == 30)
    #expect(step.requests == 867)
    let p95 = try #require(step.p95Ms)
    #expect(abs(p95 - 193.69999999999993) < 1e-9)
  }

  @Test func beyondTheBudgetPercentilesComeFromHDRHistograms() throws {
    let exact = try RawLogs.run(path: RawLogs.fixture("generated_4000.jtl"))
    let hdr = try RawLogs.run(path: RawLogs.fixture("generated_4000.jtl"), budget: 100)
    #expect(hdr.latencyMethod == .hdr3)
    #expect(hdr.total?.requests == exact.total?.requests)
    for quantile in ExactPercentiles.reported {
      let reference = try #require(exact.total?.percentile(quantile))
      let approximate = try #require(hdr.total?.percentile(quantile))
      #expect(abs(approximate - reference) <= reference * 0.001 + 0.001, "q\(quantile)")
    }
  }

  @Test func percentilesOverSeveralSortedPartsEqualTheMergedOnes() {
    let parts: [[Double]] = [[1, 4, 4, 9], [2, 3], [-1, 0.5, 8, 10, 11]]
    let merged = parts.flatMap { $0 }.sorted()
    for quantile in [0, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 1] {
      let expected = merged.withUnsafeBufferPointer { ExactPercentiles.quantile(sorted: $0, quantile) }
      let pointers = parts.map { part in
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: part.count)
        _ = buffer.initialize(from: part)
        return UnsafeBufferPointer(buffer)
      }
      defer { pointers.forEach { $0.deallocate() } }
      #expect(ExactPercentiles.quantile(sortedParts: pointers, quantile) == expected)
    }
    // numpy.percentile([1..10], 90) == 9.1
    let one = Array(1...10).map(Double.init)
    #expect(one.withUnsafeBufferPointer { ExactPercentiles.quantile(sorted: $0, 0.9) } == 9.1)
  }
}
