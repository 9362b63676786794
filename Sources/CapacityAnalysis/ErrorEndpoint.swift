/// How many failures of one category one endpoint had.
public struct ErrorEndpoint: Sendable, Equatable {
  public var method: String
  public var name: String
  public var count: Int64
}
