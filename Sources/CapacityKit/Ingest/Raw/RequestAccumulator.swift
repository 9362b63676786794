/// Aggregates the requests of a raw log (or of one chunk of it) as they are parsed: per-label
/// counts and latency values, per-second counts, error groups and set-aside rows. Recording a
/// request of a known label allocates nothing.
///
/// Latencies are kept exactly (8 bytes each, plus 4 for their second) until `exactBudget` values
/// are held; from then on
/// every label switches to an HDR histogram. The owner must call `release()` or hand the
/// accumulator to `RawRunSummarizer`, which frees the value blocks.
struct RequestAccumulator {
  struct Label {
    var count: Int64 = 0
    var failures: Int64 = 0
    var sum: Double = 0
    var min = Double.infinity
    var max = -Double.infinity
    var firstSecond = Int64.max
    var lastSecond = Int64.min
    /// Method id; −1 none seen, −2 several.
    var method: Int32 = -1
    var values = ValueBlocks<Double>()
    /// The start second of each value (low 32 bits), for the per-step percentiles.
    var seconds = ValueBlocks<UInt32>()
    var histogram: HDRHistogram?
  }

  struct ErrorKey: Hashable {
    var label: Int32
    var message: String
  }

  struct ErrorGroup {
    var count: Int64 = 0
    var firstMs = Int64.max
    var lastMs = Int64.min
  }

  /// A Transaction Controller parent label's samples: kept apart from the requests (JMeter's
  /// summariser leaves them out of its totals) and always exactly (they are few).
  struct Transaction {
    var count: Int64 = 0
    var failures: Int64 = 0
    var sum: Double = 0
    var firstSecond = Int64.max
    var lastSecond = Int64.min
    var values: [Double] = []
  }

  var labels = ByteInterner()
  var methods = ByteInterner()
  var transactionLabels = ByteInterner()
  var transactions: [Transaction] = []
  var perLabel: [Label] = []
  var seconds = SecondTable()
  var errors: [ErrorKey: ErrorGroup] = [:]
  var setAside: [SetAsideReason: Int64] = [:]
  /// Byte offset in the file and message; turned into `file:line` warnings at the end.
  var warnings: [(offset: Int, message: String)] = []
  var warningCount = 0
  var exactBudget: Int
  var stored = 0
  var usesHistograms = false
  var firstStartMs = Int64.max
  var lastEndMs = Int64.min
  /// Each request's end, to the millisecond, for the per-request fault figures.
  var marks = RequestMarksBuilder()

  init(exactBudget: Int) {
    self.exactBudget = exactBudget
  }

  @inline(__always)
  mutating func label(_ field: ByteField) -> Int32 {
    let id = labels.id(field)
    if Int(id) == perLabel.count { perLabel.append(Label(histogram: usesHistograms ? HDRHistogram() : nil)) }
    return id
  }

  mutating func label(named name: String) -> Int32 {
    let id = labels.id(of: name)
    if Int(id) == perLabel.count { perLabel.append(Label(histogram: usesHistograms ? HDRHistogram() : nil)) }
    return id
  }

  @inline(__always)
  mutating func record(
    label: Int32, method: Int32 = -1, startMs: Int64, latencyMs: Double, failed: Bool, users: Int32
  ) {
    let second = startMs >= 0 ? startMs / 1000 : (startMs - 999) / 1000
    seconds.add(second: second, failed: failed, users: users)
    if startMs < firstStartMs { firstStartMs = startMs }
    let endMs = startMs + Int64(latencyMs.rounded(.up))
    if endMs > lastEndMs { lastEndMs = endMs }
    marks.record(endMs: startMs + Int64(latencyMs.rounded()), failed: failed)
    let index = Int(label)
    perLabel[index].count += 1
    if failed { perLabel[index].failures += 1 }
    perLabel[index].sum += latencyMs
    if latencyMs < perLabel[index].min { perLabel[index].min = latencyMs }
    if latencyMs > perLabel[index].max { perLabel[index].max = latencyMs }
    if second < perLabel[index].firstSecond { perLabel[index].firstSecond = second }
    if second > perLabel[index].lastSecond { perLabel[index].lastSecond = second }
    if method != perLabel[index].method, method >= 0 {
      perLabel[index].method = perLabel[index].method == -1 ? method : -2
    }
    if usesHistograms {
      perLabel[index].histogram!.record(milliseconds: latencyMs)
    } else {
      perLabel[index].values.append(latencyMs)
      perLabel[index].seconds.append(UInt32(truncatingIfNeeded: second))
      stored += 1
      if stored > exactBudget { switchToHistograms() }
    }
  }

  /// Counts a Transaction Controller parent sample as a transaction, not as a request.
  mutating func recordTransaction(_ name: ByteField, startMs: Int64, latencyMs: Double, failed: Bool) {
    setAside(.transactionParent)
    let index = Int(transactionLabels.id(name))
    if index == transactions.count { transactions.append(Transaction()) }
    let second = startMs >= 0 ? startMs / 1000 : (startMs - 999) / 1000
    transactions[index].count += 1
    if failed { transactions[index].failures += 1 }
    transactions[index].sum += latencyMs
    transactions[index].firstSecond = Swift.min(transactions[index].firstSecond, second)
    transactions[index].lastSecond = Swift.max(transactions[index].lastSecond, second)
    transactions[index].values.append(latencyMs)
  }

  mutating func recordError(label: Int32, message: String, atMs: Int64) {
    var group = errors[ErrorKey(label: label, message: message)] ?? ErrorGroup()
    group.count += 1
    group.firstMs = Swift.min(group.firstMs, atMs)
    group.lastMs = Swift.max(group.lastMs, atMs)
    errors[ErrorKey(label: label, message: message)] = group
  }

  mutating func setAside(_ reason: SetAsideReason) {
    setAside[reason, default: 0] += 1
  }

  /// Keeps the first 100 warnings; the rest are only counted.
  mutating func warn(offset: Int, _ message: String) {
    warningCount += 1
    if warnings.count < 100 { warnings.append((offset, message)) }
  }

  /// Moves every label's exact values into an HDR histogram and records into histograms from now on.
  mutating func switchToHistograms() {
    usesHistograms = true
    for index in perLabel.indices {
      var histogram = perLabel[index].histogram ?? HDRHistogram()
      perLabel[index].values.forEachBlock { block in
        for value in block { histogram.record(milliseconds: value) }
      }
      perLabel[index].values.release()
      perLabel[index].seconds.release()
      perLabel[index].histogram = histogram
    }
    stored = 0
  }

  mutating func release() {
    for index in perLabel.indices {
      perLabel[index].values.release()
      perLabel[index].seconds.release()
    }
  }
}
