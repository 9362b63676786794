extension Int32 {
  /// `value` rounded toward zero and clamped to Int32's range; 0 for NaN. An input field of
  /// 1e300 is a warning's business, never a trap.
  package init(saturating value: Double) {
    if value.isNaN {
      self = 0
    } else if value >= Double(Int32.max) {
      self = .max
    } else if value <= Double(Int32.min) {
      self = .min
    } else {
      self = Int32(value)
    }
  }
}
