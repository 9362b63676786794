import CapacityModel
import Foundation

extension RawRunSummarizer {
  /// Each merged label's statistics, sorted by method and name; rates over the seconds from its
  /// first request to its last.
  static func endpoints(_ merged: [Merged], percentiles: [[PercentileValue]]) -> [EndpointStats] {
    merged.enumerated().map { index, label in
      let span = Double(label.lastSecond - label.firstSecond + 1)
      return EndpointStats(
        method: label.method, name: label.name, requests: label.count, failures: label.failures,
        medianMs: percentiles[index].first?.valueMs,
        averageMs: label.count > 0 ? label.sum / Double(label.count) : nil,
        minMs: label.count > 0 ? label.min : nil, maxMs: label.count > 0 ? label.max : nil,
        requestsPerSecond: Double(label.count) / span, failuresPerSecond: Double(label.failures) / span,
        percentiles: percentiles[index])
    }.sorted { ($0.method, $0.name) < ($1.method, $1.name) }
  }

  /// The `Total` row over every label; `nil` without a request.
  static func total(_ merged: [Merged], percentiles: [PercentileValue]) -> EndpointStats? {
    let count = merged.reduce(Int64(0)) { $0 + $1.count }
    guard count > 0 else { return nil }
    let failures = merged.reduce(Int64(0)) { $0 + $1.failures }
    let span = Double(merged.map(\.lastSecond).max()! - merged.map(\.firstSecond).min()! + 1)
    return EndpointStats(
      method: "", name: "Total", requests: count, failures: failures,
      medianMs: percentiles.first?.valueMs,
      averageMs: merged.reduce(0) { $0 + $1.sum } / Double(count),
      minMs: merged.map(\.min).min(), maxMs: merged.map(\.max).max(),
      requestsPerSecond: Double(count) / span, failuresPerSecond: Double(failures) / span,
      percentiles: percentiles)
  }

  /// The error groups by merged label and message, sorted by name, method and message.
  static func errorRecords(
    _ errors: [RequestAccumulator.ErrorKey: RequestAccumulator.ErrorGroup], merged: [Merged]
  ) -> [ErrorRecord] {
    errors.map { key, group in
      let label = merged[Int(key.label)]
      return ErrorRecord(
        method: label.method, name: label.name, message: key.message, occurrences: group.count,
        firstSeen: Date(timeIntervalSince1970: Double(group.firstMs) / 1000),
        lastSeen: Date(timeIntervalSince1970: Double(group.lastMs) / 1000))
    }.sorted { ($0.name, $0.method, $0.message) < ($1.name, $1.method, $1.message) }
  }
}
