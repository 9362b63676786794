/// Kneedle (Satopää et al., ICDCS Workshops 2011), offline, as `kneed`'s `KneeLocator` with
/// `interp_method="interp1d"` and `online=False` (kneed 0.9.0 semantics, including its mirroring of
/// x for convex-increasing curves): the first knee of the difference curve.
public struct Kneedle: Sendable {
  public enum Curve: Sendable { case concave, convex }
  public enum Direction: Sendable { case increasing, decreasing }

  public var sensitivity: Double
  public var curve: Curve
  public var direction: Direction

  public init(sensitivity: Double = 1, curve: Curve, direction: Direction = .increasing) {
    self.sensitivity = sensitivity
    self.curve = curve
    self.direction = direction
  }

  /// The index of the knee in `x` (sorted ascending), or `nil` when there is none.
  public func kneeIndex(x: [Double], y: [Double]) -> Int? {
    let n = x.count
    guard n >= 3, y.count == n else { return nil }
    var xn = Self.normalize(x)
    var yn = Self.normalize(y)
    switch (direction, curve) {
    case (.decreasing, .concave): yn.reverse()
    case (.decreasing, .convex): yn = yn.map { (yn.max() ?? 0) - $0 }
    case (.increasing, .convex): yn = yn.map { (yn.max() ?? 0) - $0 }.reversed()
    case (.increasing, .concave): break
    }
    // Flipping y by index mirrors the curve only on evenly spaced x; mirror x by value too.
    if (direction, curve) == (.decreasing, .concave) || (direction, curve) == (.increasing, .convex) {
      xn = xn.map { 1 - $0 }.reversed()
    }
    let difference = zip(yn, xn).map { $0 - $1 }
    // argrelextrema with mode="clip": each end compares with itself on its open side.
    func neighbours(_ i: Int) -> (Double, Double) {
      (difference[max(i - 1, 0)], difference[min(i + 1, n - 1)])
    }
    let maxima = (0..<n).filter { i in
      let (left, right) = neighbours(i)
      return difference[i] >= left && difference[i] >= right
    }
    let minima = Set(
      (0..<n).filter { i in
        let (left, right) = neighbours(i)
        return difference[i] <= left && difference[i] <= right
      })
    guard let firstMaximum = maxima.first else { return nil }
    let meanStep = zip(xn.dropFirst(), xn).map { $0 - $1 }.reduce(0, +) / Double(n - 1)
    let thresholds = maxima.map { difference[$0] - sensitivity * abs(meanStep) }
    var threshold = 0.0
    var thresholdIndex = 0
    var maximaSeen = 0
    // After a local minimum, detection pauses until the next local maximum.
    var detecting = true
    for i in firstMaximum..<(n - 1) {
      if maxima.contains(i) {
        threshold = thresholds[maximaSeen]
        thresholdIndex = i
        maximaSeen += 1
        detecting = true
      }
      if minima.contains(i) {
        threshold = 0
        detecting = false
      }
      if detecting, difference[i + 1] < threshold {
        switch (curve, direction) {
        case (.convex, .increasing), (.concave, .decreasing): return n - 1 - thresholdIndex
        default: return thresholdIndex
        }
      }
    }
    return nil
  }

  private static func normalize(_ values: [Double]) -> [Double] {
    guard let low = values.min(), let high = values.max(), high > low else {
      return values.map { _ in 0 }
    }
    return values.map { ($0 - low) / (high - low) }
  }
}
