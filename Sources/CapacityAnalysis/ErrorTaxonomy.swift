import CapacityModel
import Foundation

/// Groups a run's failure records by category, largest first.
package struct ErrorTaxonomy {
  package var classifier = ErrorClassifier()

  package func summarize(_ records: [ErrorRecord]) -> [ErrorSummary] {
    let total = records.reduce(Int64(0)) { $0 + $1.occurrences }
    var byCategory: [ErrorCategory: [ErrorRecord]] = [:]
    for record in records { byCategory[classifier.classify(record.message), default: []].append(record) }
    return byCategory.map { category, records in
      let count = records.reduce(Int64(0)) { $0 + $1.occurrences }
      var messages: [String: Int64] = [:]
      for record in records { messages[record.message, default: 0] += record.occurrences }
      let examples = messages.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(3).map(\.key)
      return ErrorSummary(
        category: category, count: count, share: total > 0 ? Double(count) / Double(total) : 0,
        examples: Array(examples), firstSeen: records.compactMap(\.firstSeen).min(),
        lastSeen: records.compactMap(\.lastSeen).max())
    }.sorted { ($1.count, $0.category) < ($0.count, $1.category) }
  }
}
