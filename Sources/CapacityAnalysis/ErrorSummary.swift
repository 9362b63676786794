import Foundation

/// All failures of one category in a run.
public struct ErrorSummary: Sendable, Equatable {
  public var category: ErrorCategory
  public var count: Int64
  /// Share of the run's failures, 0…1.
  public var share: Double
  /// Up to three distinct messages, most frequent first, as the tool wrote them (unescaped).
  public var examples: [String]
  public var firstSeen: Date?
  public var lastSeen: Date?
  /// The endpoints with the most failures of the category, up to `ErrorTaxonomy.endpointsListed`,
  /// most first (ties by method and name).
  public var endpoints: [ErrorEndpoint] = []
  /// Distinct endpoints with failures of the category, listed or not.
  public var endpointCount = 0
}
