/// Where a series of load levels saturates, how sure we are, and the load carried within the SLO.
public struct SaturationAnalysis: Sendable, Equatable {
  /// A Kneedle knee and whether a rule agrees with it (within `kneeAgreementSteps`).
  public struct Knee: Sendable, Equatable {
    public var users: Int
    public var stepIndex: Int
    public var trusted: Bool
  }

  /// The stepped run's name, or the runs of a series of runs.
  public var source: String
  /// The run ids the series came from.
  public var runIDs: [String]
  public var steps: [SaturationStep]
  public var fit: USLFit?
  /// Without a fit: how many more steps at which loads would make one.
  public var missingSteps: String?
  public var forecast: USLForecast?
  public var throughputKnee: Knee?
  public var latencyKnee: Knee?
  /// Every rule trip, in step order then rule order.
  public var trips: [RuleTrip]
  /// The first rule tripped.
  public var saturationPoint: RuleTrip?
  /// The component nearest its limit at the saturation point, or why it is unknown.
  public var bottleneck: String
  public var capacity: CapacityAtSLO?
  /// Caveats: too-short steps, fit notes.
  public var notes: [String]

  /// Whether the USL fit may speak beyond the measured steps: its forecast check (fit on the lighter
  /// half, predict the heavier half) missed by at most `limit` (a fit that cannot be checked counts).
  public func fitTrusted(limit: Double) -> Bool {
    forecast.map { $0.meanAbsoluteError <= limit } ?? true
  }
}
