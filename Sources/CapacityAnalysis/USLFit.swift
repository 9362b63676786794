/// A Universal Scalability Law fit with its uncertainty (CAPACITY-MATH.md §1.1 and §7).
public struct USLFit: Sendable, Equatable {
  /// One measured point: offered users N and throughput X (requests per second).
  public struct Point: Sendable, Equatable {
    public var users: Double
    public var throughput: Double

    public init(users: Double, throughput: Double) {
      self.users = users
      self.throughput = throughput
    }
  }

  /// A fitted coefficient with its standard error and two-sided 95 % t interval (df = n − 3).
  public struct Estimate: Sendable, Equatable {
    public var value: Double
    public var standardError: Double
    public var lower: Double
    public var upper: Double
  }

  /// Pointwise bootstrap band of the fitted curve, for charts.
  public struct BandPoint: Sendable, Equatable {
    public var users: Double
    public var lower: Double
    public var upper: Double
  }

  /// Which start values found the minimum: R `usl`'s or usl4j's.
  public enum Start: String, Sendable, Equatable {
    case rUSL = "r-usl"
    case usl4j
  }

  public var model: USLModel
  public var sigma: Estimate
  public var kappa: Estimate
  public var lambda: Estimate
  public var points: [Point]
  public var residualSumOfSquares: Double
  public var degreesOfFreedom: Int
  public var start: Start
  /// N* and its residual-bootstrap percentile interval; the upper end is `nil` (unbounded) when
  /// more than 2.5 % of the replicates have no retrograde term.
  public var peakUsers: Double?
  public var peakUsersLower: Double?
  public var peakUsersUpper: Double?
  public var peakThroughput: Double?
  public var roofThroughput: Double?
  public var bootstrapReplicates: Int
  public var bootstrapSeed: UInt64
  public var band: [BandPoint]
  /// κ's interval excludes 0: the data show a retrograde region.
  public var retrogradeObserved: Bool
  /// Caveats a reader needs (κ not identifiable, too-good-to-be-true efficiency…).
  public var notes: [String]
}
