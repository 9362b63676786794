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

    mutating func merge(_ other: ErrorGroup) {
      count += other.count
      firstMs = Swift.min(firstMs, other.firstMs)
      lastMs = Swift.max(lastMs, other.lastMs)
    }
  }

  var labels = ByteInterner()
  var methods = ByteInterner()
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
  /// Start times accepted; the rest are set aside (see `PlausibleSpan`).
  var span = PlausibleSpan.all
  /// Requests per Unix hour, to find the file's main span.
  var hours: [Int64: Int64] = [:]
  private var currentHour = Int64.min
  private var currentHourCount: Int64 = 0

  /// Distinct labels kept per file; past it the rarest fold into `otherLabel` (see
  /// `RawRunSummarizer`), so 200 000 generated URLs cannot exhaust memory.
  static let maximumLabels = 10_000
  /// Distinct labels one part keeps before new ones go straight to `otherLabel`: room for the
  /// ranking to find the frequent ones.
  static let maximumLabelsPerPart = 4 * maximumLabels
  static let otherLabel = "(other)"
  /// Distinct methods kept; later ones are recorded as none.
  static let maximumMethods = 1_000

  init(exactBudget: Int, span: PlausibleSpan = .all) {
    self.exactBudget = exactBudget
    self.span = span
    labels.limit = Self.maximumLabelsPerPart
    methods.limit = Self.maximumMethods
  }

  @inline(__always)
  mutating func label(_ field: ByteField) -> Int32 {
    let id = labels.id(field)
    return id < 0 ? label(named: Self.otherLabel) : added(id)
  }

  mutating func label(named name: String) -> Int32 {
    var id = labels.id(of: name)
    if id < 0 {
      labels.limit = Int.max
      id = labels.id(of: Self.otherLabel)
      labels.limit = Self.maximumLabelsPerPart
    }
    return added(id)
  }

  @inline(__always)
  private mutating func added(_ id: Int32) -> Int32 {
    if Int(id) == perLabel.count { perLabel.append(Label(histogram: usesHistograms ? HDRHistogram() : nil)) }
    return id
  }

  /// Counts a request unless its start time or latency is implausible; then it is set aside with
  /// a warning at `offset` and `false` is returned (the caller records no error for it).
  @inline(__always) @discardableResult
  mutating func record(
    label: Int32, method: Int32 = -1, startMs: Int64, latencyMs: Double, failed: Bool, users: Int32,
    offset: Int
  ) -> Bool {
    guard admits(startMs: startMs, latencyMs: latencyMs, offset: offset) else { return false }
    let second = startMs / 1000
    countHour(second / 3600)
    seconds.add(second: second, failed: failed, users: users)
    if startMs < firstStartMs { firstStartMs = startMs }
    let endMs = startMs + Int64(latencyMs.rounded(.up))
    if endMs > lastEndMs { lastEndMs = endMs }
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
    return true
  }

  @inline(__always)
  private mutating func admits(startMs: Int64, latencyMs: Double, offset: Int) -> Bool {
    if latencyMs >= 0, latencyMs <= PlausibleSpan.maximumLatencyMs, span.contains(startMs) { return true }
    if !(latencyMs >= 0 && latencyMs <= PlausibleSpan.maximumLatencyMs) {
      setAside(.implausibleLatency)
      warn(
        offset: offset,
        "request set aside: latency \(NumberFormat.decimal(latencyMs, places: latencyMs == latencyMs.rounded() ? 0 : 3)) ms is "
          + (latencyMs < 0 ? "negative" : "not a response time (over one day)"))
    } else if PlausibleSpan.all.contains(startMs) {
      setAside(.outsideSpan)
      warn(
        offset: offset,
        "request set aside: start time \(startMs) ms lies outside the file's main span \(span.text) "
          + "(the \(PlausibleSpan.maximumDays) days with the most requests)")
    } else {
      setAside(.implausibleTime)
      warn(
        offset: offset,
        "request set aside: start time \(startMs) ms (Unix epoch) is before 2000 or after 2100")
    }
    return false
  }

  @inline(__always)
  private mutating func countHour(_ hour: Int64) {
    if hour == currentHour {
      currentHourCount += 1
      return
    }
    if currentHourCount > 0 { hours[currentHour, default: 0] += currentHourCount }
    currentHour = hour
    currentHourCount = 1
  }

  /// Requests per Unix hour, including the hour being counted.
  var requestsPerHour: [Int64: Int64] {
    var all = hours
    if currentHourCount > 0 { all[currentHour, default: 0] += currentHourCount }
    return all
  }

  /// Notes the active users at a time, when the time lies in the accepted span.
  mutating func noteUsers(atMs ms: Int64, _ users: Int32) {
    guard span.contains(ms) else { return }
    seconds.noteUsers(second: ms / 1000, users)
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
