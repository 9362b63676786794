/// The history of one endpoint (Locust `--csv-full-history` rows), one point per tick.
public struct EndpointTimeline: Sendable, Equatable {
  public var method: String
  public var name: String
  public var points: [TimelinePoint]

  public init(method: String, name: String, points: [TimelinePoint]) {
    self.method = method
    self.name = name
    self.points = points
  }
}
