import Testing

@testable import CapacityKit

@Suite struct BlockBootstrapTests {
  @Test func resamplesKeepLengthAndConsecutiveBlocks() {
    var generator = SeededGenerator(seed: 1)
    let series = (0..<10).map(Double.init)
    let resample = BlockBootstrap(blockLength: 3).resample(series, using: &generator)
    #expect(resample.count == 10)
    // Inside each block of three, values follow each other.
    for block in stride(from: 0, to: 9, by: 3) {
      #expect(resample[block + 1] == resample[block] + 1)
      #expect(resample[block + 2] == resample[block] + 2)
    }
  }

  @Test func intervalCoversAKnownShift() throws {
    var generator = SeededGenerator(seed: 2)
    let baseline = (0..<20).map { 100 + Double($0 % 5) }
    let candidate = baseline.map { $0 * 1.2 }
    let interval = try #require(
      BlockBootstrap().relativeChangeInterval(baseline: baseline, candidate: candidate, using: &generator))
    #expect(interval.contains(0.2))
    #expect(interval.lowerBound > 0.1)
  }

  @Test func quantileIsR7() {
    #expect(BlockBootstrap.quantile([1, 2, 3, 4], 0.5) == 2.5)
    #expect(BlockBootstrap.quantile([1, 2, 3, 4], 0.25) == 1.75)
  }
}
