import CapacityModel

extension RawRunSummarizer {
  /// What the member segments of every part add up to before percentiles: the labels merged by
  /// method and name, the per-second counts, set-aside rows, error groups and warnings.
  struct Gathered {
    var merged: [Merged] = []
    var seconds = SecondTable()
    var statuses = StatusSecondTable()
    /// The member segments, for their timed phases.
    var memberSegments: [(chunk: Int, segment: Int)] = []
    var setAside: [SetAsideReason: Int64] = [:]
    var errors: [RequestAccumulator.ErrorKey: RequestAccumulator.ErrorGroup] = [:]
    /// Hashes of the names folded into `(other)` while reading.
    var foldedNames: Set<UInt64> = []
    var firstMs = Int64.max
    var lastMs = Int64.min
    var warnings: [(offset: Int, message: String)] = []
    var warningSources: [Int] = []
    var warningCount = 0
    private var index: [String: Int] = [:]

    /// Gathers the segments flagged in `members` (per chunk, per segment); `orphans` adds what was
    /// read before any request (warnings, set-aside rows); `sources` gives each chunk's input file.
    init(_ chunks: [RequestAccumulator], members: [[Bool]], orphans: Bool, sources: [Int]) {
      for (chunkIndex, chunk) in chunks.enumerated() {
        let member = { (segment: Int32) in segment < 0 ? orphans : members[chunkIndex][Int(segment)] }
        let globalID = addLabels(of: chunk, chunk: chunkIndex, member: member)
        for (segmentIndex, segment) in chunk.segments.enumerated() where members[chunkIndex][segmentIndex] {
          seconds.merge(segment.seconds)
          statuses.merge(segment.statuses)
          memberSegments.append((chunkIndex, segmentIndex))
          firstMs = min(firstMs, segment.firstStartMs)
          lastMs = max(lastMs, segment.lastEndMs)
        }
        for (key, count) in chunk.setAsideBySegment where member(key.segment) {
          setAside[key.reason, default: 0] += count
        }
        addErrors(of: chunk, globalID: globalID)
        for (position, warning) in chunk.warnings.enumerated() where member(chunk.warningSegments[position]) {
          warnings.append(warning)
          warningSources.append(sources.isEmpty ? 0 : sources[chunkIndex])
        }
        if orphans { warningCount += chunk.warningCount - chunk.warnings.count }
        for name in chunk.foldedNames where member(name.segment) { foldedNames.insert(name.hash) }
      }
      warningCount += warnings.count
    }

    /// Merges the chunk's member labels; returns each chunk label's merged index (-1 when left out).
    private mutating func addLabels(
      of chunk: RequestAccumulator, chunk chunkIndex: Int, member: (Int32) -> Bool
    ) -> [Int32] {
      var globalID = [Int32](repeating: -1, count: chunk.perLabel.count)
      for (labelIndex, label) in chunk.perLabel.enumerated() where member(label.segment) {
        let rawName = chunk.labels.names[Int(label.name)]
        let name = rawName.isEmpty ? RawRunSummarizer.emptyLabel : rawName
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
        merged[id].min = min(merged[id].min, label.min)
        merged[id].max = max(merged[id].max, label.max)
        merged[id].firstSecond = min(merged[id].firstSecond, label.firstSecond)
        merged[id].lastSecond = max(merged[id].lastSecond, label.lastSecond)
        merged[id].parts.append((chunkIndex, labelIndex))
      }
      return globalID
    }

    /// Adds the chunk's error groups of merged labels under the merged label's index.
    private mutating func addErrors(of chunk: RequestAccumulator, globalID: [Int32]) {
      for (key, group) in chunk.errors where globalID[Int(key.label)] >= 0 {
        let globalKey = RequestAccumulator.ErrorKey(label: globalID[Int(key.label)], message: key.message)
        var total = errors[globalKey] ?? RequestAccumulator.ErrorGroup()
        total.merge(group)
        errors[globalKey] = total
      }
    }
  }
}
