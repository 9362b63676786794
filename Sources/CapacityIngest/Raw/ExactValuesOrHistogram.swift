import CapacityStatistics

/// Latencies kept exactly, with their start seconds, until a budget is spent, and from then on
/// in an HDR histogram: a label's requests, a timed phase's values.
protocol ExactValuesOrHistogram {
  var values: ValueBlocks<Double> { get set }
  var seconds: ValueBlocks<UInt32> { get set }
  var histogram: HDRHistogram? { get set }
}

extension ExactValuesOrHistogram {
  /// Moves the exact values into the histogram (made if need be) and frees their blocks.
  mutating func moveValuesToHistogram() {
    var histogram = self.histogram ?? HDRHistogram()
    self.histogram = nil  // so recording below does not copy the counts it shares
    histogram.record(values)
    values.release()
    seconds.release()
    self.histogram = histogram
  }
}
