import CapacityModel
import Foundation

/// Groups a run's failure records by category, largest first.
package struct ErrorTaxonomy {
  package var classifier = ErrorClassifier()
  /// Endpoints named per category; the report says how many more there are.
  package static let endpointsListed = 3

  package func summarize(_ records: [ErrorRecord]) -> [ErrorSummary] {
    let total = records.reduce(Int64(0)) { $0 + $1.occurrences }
    var byCategory: [ErrorCategory: [ErrorRecord]] = [:]
    for record in records { byCategory[classifier.classify(record.message), default: []].append(record) }
    return byCategory.map { category, records in
      let count = records.reduce(Int64(0)) { $0 + $1.occurrences }
      var messages: [String: Int64] = [:]
      for record in records { messages[record.message, default: 0] += record.occurrences }
      let examples = messages.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(3).map(\.key)
      let endpoints = Self.endpoints(of: records)
      return ErrorSummary(
        category: category, count: count, share: total > 0 ? Double(count) / Double(total) : 0,
        examples: Array(examples), firstSeen: records.compactMap(\.firstSeen).min(),
        lastSeen: records.compactMap(\.lastSeen).max(),
        endpoints: Array(endpoints.prefix(Self.endpointsListed)), endpointCount: endpoints.count)
    }.sorted { ($1.count, $0.category) < ($0.count, $1.category) }
  }

  /// One category's failures per endpoint, the most first (ties by method and name).
  private static func endpoints(of records: [ErrorRecord]) -> [ErrorEndpoint] {
    var counts: [ErrorEndpointKey: Int64] = [:]
    for record in records {
      counts[ErrorEndpointKey(method: record.method, name: record.name), default: 0] += record.occurrences
    }
    return counts.map { ErrorEndpoint(method: $0.key.method, name: $0.key.name, count: $0.value) }
      .sorted { ($1.count, $0.method, $0.name) < ($0.count, $1.method, $1.name) }
  }

  private struct ErrorEndpointKey: Hashable {
    var method: String
    var name: String
  }
}
