import Testing

@testable import CapacityModel
@testable import CapacityStatistics

/// Order statistics over several sorted parts against the merged, sorted values, on seeded
/// random layouts: parts of uneven size, many duplicates (integer milliseconds), parts with
/// disjoint ranges (one load step slow, one fast), empty parts and a hundred small ones.
@Suite struct ExactPercentilesTests {
  private static func parts(seed: UInt64) -> [[Double]] {
    var random = SeededGenerator(seed: seed)
    let count = Int.random(in: 1...120, using: &random)
    return (0..<count).map { part in
      let size = Int.random(in: 0...(part == 0 ? 3_000 : 400), using: &random)
      let offset = Double(Int.random(in: 0...3, using: &random) * 1_000)
      let integers = Bool.random(using: &random)
      return (0..<size).map { _ in
        let value = Double.random(in: 0...800, using: &random) + offset
        return integers ? value.rounded() : value
      }.sorted()
    }
  }

  @Test(arguments: 0..<24)
  func everyRankIsTheMergedValueAtIt(seed: Int) {
    let parts = Self.parts(seed: UInt64(seed))
    let merged = parts.flatMap { $0 }.sorted()
    let buffers = parts.map { part in
      let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: part.count)
      _ = buffer.initialize(from: part)
      return UnsafeBufferPointer(buffer)
    }
    defer { buffers.forEach { $0.deallocate() } }
    let ranks = merged.isEmpty ? [] : Set([0, merged.count - 1] + (0..<200).map { $0 * merged.count / 200 })
    for rank in ranks.sorted() {
      #expect(ExactPercentiles.orderStatistic(rank, in: buffers) == merged[rank], "rank \(rank)")
    }
    let nonEmpty = buffers.filter { !$0.isEmpty }
    for quantile in ExactPercentiles.reported {
      let expected = merged.withUnsafeBufferPointer { ExactPercentiles.quantile(sorted: $0, quantile) }
      #expect(ExactPercentiles.quantile(sortedParts: nonEmpty, quantile) == expected, "q\(quantile)")
    }
  }
}
