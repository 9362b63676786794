import CapacityModel

extension RawRunSummarizer {
  /// What the chunks' member segments hold, merged across chunks: the labels (by method and
  /// name), the per-second counts, set-aside rows, error groups (keyed by merged label) and the
  /// names folded on intake; the first request's start and the last one's end, Unix ms.
  struct Gathered {
    var merged: [Merged] = []
    var seconds = SecondTable()
    var setAside: [SetAsideReason: Int64] = [:]
    var errors: [RequestAccumulator.ErrorKey: RequestAccumulator.ErrorGroup] = [:]
    var foldedNames: Set<UInt64> = []
    var firstMs = Int64.max
    var lastMs = Int64.min
  }

  /// Merges the segments flagged in `members` (and with `orphans`, what came before any request),
  /// adding their warnings to `summary`.
  static func gather(
    _ chunks: [RequestAccumulator], members: [[Bool]], orphans: Bool, sources: [Int],
    into summary: inout Summary
  ) -> Gathered {
    var gathered = Gathered()
    var index: [String: Int] = [:]
    func member(_ chunk: Int, _ segment: Int32) -> Bool {
      segment < 0 ? orphans : members[chunk][Int(segment)]
    }
    for (chunkIndex, chunk) in chunks.enumerated() {
      let globalID = mergeLabels(of: chunk, at: chunkIndex, into: &gathered.merged, index: &index) {
        member(chunkIndex, $0)
      }
      for (segmentIndex, segment) in chunk.segments.enumerated() where members[chunkIndex][segmentIndex] {
        gathered.seconds.merge(segment.seconds)
        gathered.firstMs = Swift.min(gathered.firstMs, segment.firstStartMs)
        gathered.lastMs = Swift.max(gathered.lastMs, segment.lastEndMs)
      }
      for (key, count) in chunk.setAsideBySegment where member(chunkIndex, key.segment) {
        gathered.setAside[key.reason, default: 0] += count
      }
      for (key, group) in chunk.errors where globalID[Int(key.label)] >= 0 {
        let globalKey = RequestAccumulator.ErrorKey(label: globalID[Int(key.label)], message: key.message)
        var total = gathered.errors[globalKey] ?? RequestAccumulator.ErrorGroup()
        total.merge(group)
        gathered.errors[globalKey] = total
      }
      for (position, warning) in chunk.warnings.enumerated()
      where member(chunkIndex, chunk.warningSegments[position]) {
        summary.warnings.append(warning)
        summary.warningSources.append(sources.isEmpty ? 0 : sources[chunkIndex])
      }
      if orphans { summary.warningCount += chunk.warningCount - chunk.warnings.count }
      for name in chunk.foldedNames where member(chunkIndex, name.segment) {
        gathered.foldedNames.insert(name.hash)
      }
    }
    summary.warningCount += summary.warnings.count
    return gathered
  }

  /// Adds the chunk's member labels to `merged` (one entry per method and name, `index` finds
  /// it); returns each of the chunk's labels' merged index, −1 for labels of other segments.
  private static func mergeLabels(
    of chunk: RequestAccumulator, at chunkIndex: Int, into merged: inout [Merged], index: inout [String: Int],
    member: (Int32) -> Bool
  ) -> [Int32] {
    var globalID = [Int32](repeating: -1, count: chunk.perLabel.count)
    for (labelIndex, label) in chunk.perLabel.enumerated() where member(label.segment) {
      let rawName = chunk.labels.names[Int(label.name)]
      let name = rawName.isEmpty ? Self.emptyLabel : rawName
      let method = label.method >= 0 ? chunk.methods.names[Int(label.method)] : ""
      let key = method + "\u{0}" + name
      let id = index[key] ?? merged.count
      if id == merged.count {
        index[key] = id
        merged.append(Merged(name: name, method: method))
      }
      globalID[labelIndex] = Int32(id)
      merged[id].count += label.count
      merged[id].failures += label.failures
      merged[id].sum += label.sum
      merged[id].min = Swift.min(merged[id].min, label.min)
      merged[id].max = Swift.max(merged[id].max, label.max)
      merged[id].firstSecond = Swift.min(merged[id].firstSecond, label.firstSecond)
      merged[id].lastSecond = Swift.max(merged[id].lastSecond, label.lastSecond)
      merged[id].parts.append((chunkIndex, labelIndex))
    }
    return globalID
  }
}
