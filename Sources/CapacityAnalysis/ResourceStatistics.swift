import CapacityModel
import Foundation

/// Matches resource samples to runs by time overlap and summarises them per component.
///
/// Pure: no I/O and no clock. For each run, every file's series inside the run's time span are
/// mapped to components and summed per sample time (the two gunicorn workers of one app replica add
/// up); each component and metric is summarised per source file, and one source is *selected* for
/// sizing by precision: per-process sources first (pidstat, Prometheus, kubectl top, docker stats),
/// then sysstat for the node. The others stay in the report as a cross-check.
public struct ResourceStatistics: Sendable {
  public var thresholds: AnalysisThresholds
  /// Node CPU above this multiple of the measured processes' CPU is flagged as another workload.
  public var hostExcessFactor = 1.5
  /// … and by at least this many millicores.
  public var hostExcessMillicores = 200.0
  /// CPU percentiles are taken over means of windows this long (Locust's own rates use 10 s).
  public var cpuWindowSeconds = 10.0

  public init(thresholds: AnalysisThresholds = AnalysisThresholds()) {
    self.thresholds = thresholds
  }

  package static let sourcePriority: [InputKind] = [
    .pidstat, .prometheusRange, .kubectlTop, .dockerStats, .sadfXML, .sadfCSV,
  ]

  public func analyze(_ analyses: [RunAnalysis], files: [ResourceFile], mapper: ComponentMapper)
    -> ResourceAnalysis
  {
    var notes: [String] = []
    let series = convertHostPercent(files.flatMap(\.series), notes: &notes)
    let windows = analyses.compactMap { analysis -> (RunAnalysis, Double, Double)? in
      guard let start = analysis.run.startedAt?.timeIntervalSince1970,
        let end = analysis.run.endedAt?.timeIntervalSince1970, end > start
      else { return nil }
      return (analysis, start, end)
    }
    var empty: [String] = []
    var fileRows: [(path: String, kind: String, series: Int, from: Double?, to: Double?)] = []
    for file in files.sorted(by: { $0.source.path < $1.source.path }) {
      let times = file.series.compactMap(\.span)
      let from = times.map(\.lowerBound).min()
      let to = times.map(\.upperBound).max()
      fileRows.append((file.source.path, file.source.role, file.series.count, from, to))
      if let from, let to, !windows.contains(where: { $0.1 <= to && from <= $0.2 }) {
        notes.append(
          "\(file.source.path): samples from \(UTCTimestamp.format(Date(timeIntervalSince1970: from))) to "
            + "\(UTCTimestamp.format(Date(timeIntervalSince1970: to))) overlap no run, so they were not used")
      } else if from == nil {
        empty.append(file.source.path)
      }
    }
    if !empty.isEmpty {
      notes.append(
        "\(empty.count) file(s) gave no CPU or memory samples (see their warnings): \(empty.joined(separator: ", "))"
      )
    }
    let runs = windows.map { runResources($0.0, start: $0.1, end: $0.2, series: series, mapper: mapper) }
    return ResourceAnalysis(
      runs: runs, costsAcrossRuns: costsAcrossRuns(runs, analyses: analyses), files: fileRows, notes: notes,
      mapper: mapper)
  }

  /// Host-percent CPU (sysstat CSV) becomes millicores with the CPU count another file of the same host gives.
  private func convertHostPercent(_ series: [ResourceSeries], notes: inout [String]) -> [ResourceSeries] {
    var cpus: [String: Int] = [:]
    for item in series {
      if let host = item.host, let count = item.hostCPUs { cpus[host] = count }
    }
    return series.compactMap { item in
      guard item.unit == .hostPercent else { return item }
      guard let count = item.hostCPUs ?? item.host.flatMap({ cpus[$0] }) else {
        notes.append(
          "\(item.source.path): host CPU is a percentage and no file says how many CPUs '\(item.host ?? "?")' has "
            + "(add the sadf -x export or pidstat output of the same host); not used")
        return nil
      }
      var converted = item
      converted.unit = .millicores
      converted.points = item.points.map {
        ResourcePoint(time: $0.time, value: $0.value / 100 * Double(count) * 1000)
      }
      return converted
    }
  }

  private struct Group: Hashable {
    var component: String
    var metric: ResourceMetric
    var path: String
    var kind: String
  }

  /// Per component, metric and file: the values summed per sample time within the window.
  private func grouped(
    _ series: [ResourceSeries], from start: Double, to end: Double, mapper: ComponentMapper
  )
    -> [Group: [ResourcePoint]]
  {
    var sums: [Group: [Double: Double]] = [:]
    for item in series {
      let group = Group(
        component: mapper.component(of: item), metric: item.metric, path: item.source.path,
        kind: item.source.role)
      for point in item.points where point.time >= start && point.time <= end {
        let key = (point.time * 1000).rounded() / 1000
        sums[group, default: [:]][key, default: 0] += point.value
      }
    }
    return Dictionary(
      uniqueKeysWithValues: sums.map { group, values in
        let points = values.keys.sorted().map { ResourcePoint(time: $0, value: values[$0] ?? 0) }
        return (group, points)
      })
  }

  /// Mean and sample count of the raw samples; percentiles and max of CPU over window means.
  package func summary(_ points: [ResourcePoint], metric: ResourceMetric) -> UsageSummary? {
    guard
      var summary = UsageSummary(
        (metric == .cpu ? Self.windowed(points, seconds: cpuWindowSeconds) : points).map(\.value)),
      let raw = UsageSummary(points.map(\.value))
    else { return nil }
    summary.mean = raw.mean
    summary.samples = raw.samples
    return summary
  }

  /// Means over fixed windows (`⌊t ÷ w⌋·w`, stamped at the window's middle). CPU sampled every
  /// second by a sync worker pool is bursty; VPA and KRR take percentiles of rates over windows too.
  package static func windowed(_ points: [ResourcePoint], seconds: Double) -> [ResourcePoint] {
    guard seconds > 0 else { return points }
    var sums: [Double: (Double, Int)] = [:]
    for point in points {
      let start = (point.time / seconds).rounded(.down) * seconds
      let current = sums[start] ?? (0, 0)
      sums[start] = (current.0 + point.value, current.1 + 1)
    }
    return sums.keys.sorted().map { start in
      let (sum, count) = sums[start] ?? (0, 1)
      return ResourcePoint(time: start + seconds / 2, value: sum / Double(count))
    }
  }

  private func usages(_ groups: [Group: [ResourcePoint]]) -> [ComponentUsage] {
    var result: [ComponentUsage] = []
    let keys = groups.keys.sorted {
      ($0.component, $0.metric.rawValue, rank($0.kind), $0.path) < (
        $1.component, $1.metric.rawValue, rank($1.kind), $1.path
      )
    }
    var chosen = Set<String>()
    for key in keys {
      guard let summary = summary(groups[key] ?? [], metric: key.metric) else { continue }
      let selected = chosen.insert("\(key.component)/\(key.metric.rawValue)").inserted
      result.append(
        ComponentUsage(
          component: key.component, metric: key.metric, source: key.path, sourceKind: key.kind,
          selected: selected,
          summary: summary))
    }
    return result
  }

  private func rank(_ kind: String) -> Int {
    Self.sourcePriority.firstIndex { $0.rawValue == kind } ?? Self.sourcePriority.count
  }

  private func runResources(
    _ analysis: RunAnalysis, start: Double, end: Double, series: [ResourceSeries], mapper: ComponentMapper
  ) -> RunResources {
    let run = analysis.run
    let groups = grouped(series, from: start, to: end, mapper: mapper)
    let usage = usages(groups)
    var notes: [String] = []
    let covered = series.compactMap(\.span).filter { $0.upperBound >= start && $0.lowerBound <= end }
    let coveredFrom = covered.map(\.lowerBound).min().map { Swift.max($0, start) }
    let coveredTo = covered.map(\.upperBound).max().map { Swift.min($0, end) }
    let coverage =
      coveredFrom.flatMap { from in coveredTo.map { Swift.max(0, $0 - from) / (end - start) } } ?? 0
    if coverage > 0 && coverage < 0.9 {
      notes.append(
        "resource samples cover only \(NumberFormat.percent(coverage, places: 0)) of \(run.name)'s time span")
    }
    // Host CPU much larger than the processes measured: another workload shared the host.
    let processCPU = usage.filter { $0.metric == .cpu && $0.selected && $0.component != ComponentMapper.node }
      .reduce(0) { $0 + $1.summary.mean }
    if let node = usage.first(where: {
      $0.component == ComponentMapper.node && $0.metric == .cpu && $0.selected
    }),
      processCPU > 0, node.summary.mean > hostExcessFactor * processCPU,
      node.summary.mean - processCPU > hostExcessMillicores
    {
      notes.append(
        "host CPU averaged \(NumberFormat.decimal(node.summary.mean, places: 0))m while the measured processes used "
          + "\(NumberFormat.decimal(processCPU, places: 0))m: something else ran on the host, so sizing uses the "
          + "per-process figures, not host CPU")
    }
    let selectedGroups = Dictionary(
      uniqueKeysWithValues: usage.filter(\.selected).compactMap { item -> (String, [ResourcePoint])? in
        let key = groups.keys.first {
          $0.component == item.component && $0.metric == item.metric && $0.path == item.source
        }
        return key.map { ("\(item.component)/\(item.metric.rawValue)", groups[$0] ?? []) }
      })
    var steps: [StepUsage] = []
    for step in analysis.steps {
      // A ramp's band is measured whole; a step's first share is warm-up.
      let warmup = step.band == nil ? thresholds.stepWarmupFraction : 0
      let from = start + step.startSeconds + (step.endSeconds - step.startSeconds) * warmup
      let to = start + step.endSeconds
      var stepUsage: [ComponentUsage] = []
      for item in usage where item.selected {
        let points = (selectedGroups["\(item.component)/\(item.metric.rawValue)"] ?? [])
          .filter { $0.time >= from && $0.time <= to }
        if let summary = summary(points, metric: item.metric) {
          var copy = item
          copy.summary = summary
          stepUsage.append(copy)
        }
      }
      steps.append(StepUsage(users: step.users, requestsPerSecond: step.requestsPerSecond, usage: stepUsage))
    }
    let costs = Self.costs(
      points: steps.map { ($0.requestsPerSecond, $0.usage) }, basis: "steps of \(run.name)")
    let timelines = usage.filter(\.selected).map { item in
      ComponentTimeline(
        component: item.component, metric: item.metric,
        points: (selectedGroups["\(item.component)/\(item.metric.rawValue)"] ?? []).map {
          ResourcePoint(time: $0.time - start, value: $0.value)
        })
    }
    return RunResources(
      runID: run.id, runName: run.name, coverage: coverage, usage: usage, steps: steps, costs: costs,
      timelines: timelines, notes: notes)
  }

  private func costsAcrossRuns(_ runs: [RunResources], analyses: [RunAnalysis]) -> [CPUCost] {
    let valid = Dictionary(
      analyses.filter { $0.validity.verdict != .invalid }.map { ($0.run.id, $0.requestsPerSecond) },
      uniquingKeysWith: { first, _ in first })
    let points = runs.compactMap { run in valid[run.runID].map { ($0, run.usage.filter(\.selected)) } }
    return Self.costs(points: points, basis: "runs")
  }

  /// Least-squares lines of mean and p90 CPU against req/s, per component, over at least two distinct loads.
  package static func costs(points: [(Double, [ComponentUsage])], basis: String) -> [CPUCost] {
    let components = Set(points.flatMap { $0.1.filter { $0.metric == .cpu }.map(\.component) }).sorted()
    return components.compactMap { component in
      let pairs = points.compactMap { rps, usage in
        usage.first { $0.component == component && $0.metric == .cpu }.map { (rps, $0.summary) }
      }
      guard Set(pairs.map(\.0)).count >= 2,
        let mean = leastSquares(pairs.map { ($0.0, $0.1.mean) }),
        let p90 = leastSquares(pairs.map { ($0.0, $0.1.p90) })
      else { return nil }
      return CPUCost(
        component: component, millicoresPerRPS: mean.slope, baseMillicores: mean.intercept,
        p90MillicoresPerRPS: p90.slope, p90BaseMillicores: p90.intercept, points: pairs.count, basis: basis)
    }
  }

  package static func leastSquares(_ points: [(Double, Double)]) -> (slope: Double, intercept: Double)? {
    let n = Double(points.count)
    guard n >= 2 else { return nil }
    let meanX = points.reduce(0) { $0 + $1.0 } / n
    let meanY = points.reduce(0) { $0 + $1.1 } / n
    let sxx = points.reduce(0) { $0 + ($1.0 - meanX) * ($1.0 - meanX) }
    guard sxx > 0 else { return nil }
    let sxy = points.reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
    let slope = sxy / sxx
    return (slope, meanY - slope * meanX)
  }
}
