import CapacityModel
import Testing

@testable import CapacityIngest

/// The flat counters must give exactly the table a plain dictionary of ceilings gives, whatever
/// order the latencies come in.
@Suite struct CeilingCountsTests {
  private static func table(_ latencies: [Double]) -> (counted: [Int64: Int64], truth: [Int64: Int64]) {
    var counts = CeilingCounts()
    var truth: [Int64: Int64] = [:]
    for latency in latencies {
      counts.add(latency)
      truth[LatencyCounts.ceiling(latency), default: 0] += 1
    }
    var counted: [Int64: Int64] = [:]
    counts.add(into: &counted)
    return (counted, truth)
  }

  @Test func randomLatenciesAroundAndAboveAMinuteCountAsADictionaryWould() {
    var generator = SeededGenerator(seed: 60)
    let latencies = (0..<50_000).map { index -> Double in
      switch index % 4 {
      case 0: Double(generator.next() % 2_000_000) / 10
      case 1: Double(generator.next() % 120_000_000) / 1000
      case 2: Double(generator.next() % 100)
      default: [0, 0.2, 59_999.5, 60_000, 60_000.1, 61_234, 86_400_000][index % 7]
      }
    }
    let (counted, truth) = Self.table(latencies)
    #expect(counted == truth)
    #expect(counted.values.reduce(0, +) == 50_000)
  }

  @Test func risingLatenciesFirstGoToTheDictionaryAndStillCountOnce() {
    let rising = (0..<5_000).map { Double($0 * 12) + 0.5 }
    let (counted, truth) = Self.table(rising + rising.reversed())
    #expect(counted == truth)
    #expect(counted[1] == 2)
    #expect(counted[59_989] == 2)
  }

  @Test func addingIntoATableSumsWithWhatIsThere() {
    var counts = CeilingCounts()
    for latency in [5.0, 5.0, 70_500] { counts.add(latency) }
    var table: [Int64: Int64] = [5: 1, 71_000: 2]
    counts.add(into: &table)
    #expect(table == [5: 3, 71_000: 3])
  }
}
