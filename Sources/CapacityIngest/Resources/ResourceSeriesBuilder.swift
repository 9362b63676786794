import CapacityModel

/// Collects samples keyed by entity, instance and metric while a parser reads a file, and turns
/// them into sorted `ResourceSeries`. Non-finite values are dropped and counted.
package struct ResourceSeriesBuilder {
  private struct Key: Hashable, Comparable {
    var entity: String
    var instance: String
    var metric: String
    var isNode: Bool
    var unit: String

    static func < (lhs: Key, rhs: Key) -> Bool {
      (lhs.entity, lhs.instance, lhs.metric, lhs.unit) < (rhs.entity, rhs.instance, rhs.metric, rhs.unit)
    }
  }

  package let source: SourceFile
  package var host: String?
  package var hostCPUs: Int?
  private var points: [Key: [ResourcePoint]] = [:]
  package private(set) var dropped = 0

  package init(source: SourceFile) {
    self.source = source
  }

  package mutating func add(
    entity: String, instance: String = "", isNode: Bool = false, metric: ResourceMetric,
    unit: ResourceSeries.Unit, time: Double, value: Double
  ) {
    guard value.isFinite, time.isFinite else {
      dropped += 1
      return
    }
    let key = Key(
      entity: entity, instance: instance, metric: metric.rawValue, isNode: isNode, unit: unit.rawValue)
    points[key, default: []].append(ResourcePoint(time: time, value: value))
  }

  package var series: [ResourceSeries] {
    points.keys.sorted().map { key in
      ResourceSeries(
        entity: key.entity, instance: key.instance, isNode: key.isNode,
        metric: ResourceMetric(rawValue: key.metric) ?? .cpu,
        unit: ResourceSeries.Unit(rawValue: key.unit) ?? .millicores, host: host, hostCPUs: hostCPUs,
        source: source, points: points[key] ?? [])
    }
  }
}
