import CapacityStatistics

extension ValueBlocks<Double> {
  /// Calls `body` with each value and its start second's low 32 bits, from `seconds`, appended
  /// alongside (its blocks match these one for one).
  @inline(__always)
  func forEachValue(seconds: ValueBlocks<UInt32>, _ body: (Double, UInt32) -> Void) {
    var valueBlocks: [UnsafeBufferPointer<Double>] = []
    forEachBlock { valueBlocks.append($0) }
    var blockIndex = 0
    seconds.forEachBlock { block in
      let values = valueBlocks[blockIndex]
      blockIndex += 1
      for index in 0..<block.count { body(values[index], block[index]) }
    }
  }
}
