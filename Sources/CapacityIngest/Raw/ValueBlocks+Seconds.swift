import CapacityStatistics

extension ValueBlocks<Double> {
  /// Calls `body` with each value and its start second's low 32 bits, from `seconds`, appended
  /// alongside (its blocks match these one for one).
  @inline(__always)
  func forEachValue(seconds: ValueBlocks<UInt32>, _ body: (Double, UInt32) -> Void) {
    for (values, seconds) in blocks(seconds: seconds) {
      for index in 0..<values.count { body(values[index], seconds[index]) }
    }
  }

  /// The blocks of the values and of their seconds, pair by pair. A loop over these inlines its
  /// body, where one through `forEachBlock` (in another module) calls it value by value.
  func blocks(seconds: ValueBlocks<UInt32>) -> [(
    values: UnsafeBufferPointer<Double>, seconds: UnsafeBufferPointer<UInt32>
  )] {
    var valueBlocks: [UnsafeBufferPointer<Double>] = []
    forEachBlock { valueBlocks.append($0) }
    var pairs: [(values: UnsafeBufferPointer<Double>, seconds: UnsafeBufferPointer<UInt32>)] = []
    pairs.reserveCapacity(valueBlocks.count)
    seconds.forEachBlock { block in pairs.append((valueBlocks[pairs.count], block)) }
    return pairs
  }
}
