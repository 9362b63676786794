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

  /// Distinct entities (pods, containers, processes) one file keeps; past it the entities with
  /// the fewest samples are summed per sample time into `otherEntity`, so 300 000 pods cost what
  /// 10 000 do in the store and the report.
  static let maximumEntities = 10_000
  static let otherEntity = "(other)"

  package init(source: SourceFile) {
    self.source = source
  }

  /// The entities folded into `otherEntity` and their samples; nil within the cap.
  var folded: (entities: Int, samples: Int)? { foldPlan().map { ($0.entities.count, $0.samples) } }

  /// The warning a parser adds when entities were folded.
  var foldWarning: Diagnostic? {
    folded.map { folded in
      Diagnostic(
        SourceLocation(file: source.path),
        "more than \(Self.maximumEntities) distinct pods or processes: the \(folded.entities) with the fewest samples "
          + "(\(folded.samples) samples) are summed per sample time as \(Self.otherEntity)")
    }
  }

  /// Keeps the `maximumEntities − 1` entities with the most samples (ties by name).
  private func foldPlan() -> (entities: Set<String>, samples: Int)? {
    var samples: [String: Int] = [:]
    for (key, list) in points { samples[key.entity, default: 0] += list.count }
    guard samples.count > Self.maximumEntities else { return nil }
    let ranked = samples.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
    let folded = ranked.dropFirst(Self.maximumEntities - 1)
    return (Set(folded.map(\.key)), folded.reduce(0) { $0 + $1.value })
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
    var points = points
    if let plan = foldPlan() {
      var sums: [Key: [Double: Double]] = [:]
      for (key, list) in points where plan.entities.contains(key.entity) {
        points[key] = nil
        let other = Key(
          entity: Self.otherEntity, instance: "", metric: key.metric, isNode: key.isNode, unit: key.unit)
        for point in list { sums[other, default: [:]][point.time, default: 0] += point.value }
      }
      for (key, byTime) in sums {
        points[key] = byTime.keys.sorted().map { ResourcePoint(time: $0, value: byTime[$0]!) }
      }
    }
    return points.keys.sorted().map { key in
      ResourceSeries(
        entity: key.entity, instance: key.instance, isNode: key.isNode,
        metric: ResourceMetric(rawValue: key.metric) ?? .cpu,
        unit: ResourceSeries.Unit(rawValue: key.unit) ?? .millicores, host: host, hostCPUs: hostCPUs,
        source: source, points: points[key] ?? [])
    }
  }
}
