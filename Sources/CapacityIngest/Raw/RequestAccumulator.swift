import CapacityModel
import CapacityStatistics

/// Aggregates the requests of a raw log (or of one chunk of it) as they are parsed: per-label
/// counts and latency values, per-second counts, error groups and set-aside rows. Recording a
/// request of a known label allocates nothing.
///
/// Requests are kept in *segments*: stretches of time with no gap longer than `sessionGap`
/// seconds, each with its own per-second table and per-label slots, so a file holding runs weeks
/// apart costs what its samples cost, and `RawRunSummarizer` can make each session a run. A slot
/// is one (label, method) pair of one segment: k6 and vegeta GET and POST on one URL stay apart.
///
/// Latencies are kept exactly (8 bytes each, plus 4 for their second) until `exactBudget` values
/// are held; from then on
/// every label switches to an HDR histogram. The owner must call `release()` or hand the
/// accumulator to `RawRunSummarizer`, which frees the value blocks.
package struct RequestAccumulator {
  package struct Label: ExactValuesOrHistogram {
    /// The label's interned name and method (−1 none) and the segment it belongs to.
    package var name: Int32 = 0
    package var method: Int32 = -1
    package var segment: Int32 = 0
    package var count: Int64 = 0
    package var failures: Int64 = 0
    package var sum: Double = 0
    package var min = Double.infinity
    package var max = -Double.infinity
    package var firstSecond = Int64.max
    package var lastSecond = Int64.min
    package var values = ValueBlocks<Double>()
    /// The start second of each value (low 32 bits), for the per-step percentiles.
    package var seconds = ValueBlocks<UInt32>()
    package var histogram: HDRHistogram?
    /// Successful requests by latency ceiling (`LatencyCounts.ceiling`), for APDEX.
    package var successCeilings = CeilingCounts()

    /// Counts one request (in one access to the label: each access to an element of `perLabel`
    /// checks the array's uniqueness); its latency is kept exactly or in the histogram.
    @inline(__always)
    mutating func count(latencyMs: Double, second: Int64, failed: Bool, exactly: Bool) {
      count += 1
      if failed {
        failures += 1
      } else {
        successCeilings.add(latencyMs)
      }
      sum += latencyMs
      if latencyMs < min { min = latencyMs }
      if latencyMs > max { max = latencyMs }
      if second < firstSecond { firstSecond = second }
      if second > lastSecond { lastSecond = second }
      if exactly {
        values.append(latencyMs)
        seconds.append(UInt32(truncatingIfNeeded: second))
      } else {
        histogram!.record(milliseconds: latencyMs)
      }
    }

    /// The values and their seconds, leaving the label without them: the caller owns the blocks.
    package mutating func takeValues() -> (values: ValueBlocks<Double>, seconds: ValueBlocks<UInt32>) {
      defer { (values, seconds) = (ValueBlocks(), ValueBlocks()) }
      return (values, seconds)
    }
  }

  /// A stretch of time without a gap longer than the session gap.
  package struct Segment {
    package var firstSecond: Int64
    package var lastSecond: Int64
    package var seconds = SecondTable()
    package var firstStartMs = Int64.max
    package var lastEndMs = Int64.min
    package var requests: Int64 = 0
    /// Slot (index into `perLabel`) of each name id for the first method seen; −1 none yet.
    package var slots: [Int32] = []
    /// Requests per status class per second, where the log gives a status.
    package var statuses = StatusSecondTable()
    /// Time to first byte and connect time, where the log gives them.
    package var timings = TimingValues()

    /// Counts one request in the segment's tables (in one access to the segment).
    @inline(__always)
    mutating func count(
      second: Int64, startMs: Int64, endMs: Int64, failed: Bool, users: Int32, status: StatusClass?
    ) {
      seconds.add(second: second, failed: failed, users: users)
      requests += 1
      if let status { statuses.add(second: second, status) }
      if startMs < firstStartMs { firstStartMs = startMs }
      if endMs > lastEndMs { lastEndMs = endMs }
    }
  }

  package struct ErrorKey: Hashable {
    /// The slot (index into `perLabel`).
    package var label: Int32
    package var message: String
  }

  package struct ErrorGroup {
    package var count: Int64 = 0
    package var firstMs = Int64.max
    package var lastMs = Int64.min

    mutating func merge(_ other: ErrorGroup) {
      count += other.count
      firstMs = Swift.min(firstMs, other.firstMs)
      lastMs = Swift.max(lastMs, other.lastMs)
    }
  }

  /// A Transaction Controller parent label's samples: kept apart from the requests (JMeter's
  /// summariser leaves them out of its totals) and always exactly (they are few).
  package struct Transaction {
    package var count: Int64 = 0
    package var failures: Int64 = 0
    package var sum: Double = 0
    package var firstSecond = Int64.max
    package var lastSecond = Int64.min
    /// Each sample's latency and start second (low 32 bits, as for the labels), so a file's
    /// sessions each get their own: 12 bytes a sample, like a request's.
    package var values = ValueBlocks<Double>()
    package var seconds = ValueBlocks<UInt32>()
    /// Failed samples by start second (failures are few; a session takes its seconds' share).
    package var failuresBySecond: [Int64: Int64] = [:]

    /// The full Unix second of a stored low-32-bit second (the samples span far less than 2^32 s).
    func second(_ low: UInt32) -> Int64 {
      firstSecond &+ Int64(low &- UInt32(truncatingIfNeeded: firstSecond))
    }
  }

  package struct SetAsideKey: Hashable {
    package var segment: Int32
    package var reason: SetAsideReason
  }

  /// A label name folded into `otherLabel` as it was read, in the segment it was read in.
  struct FoldedName: Hashable {
    package var segment: Int32
    var hash: UInt64
  }

  private struct SlotKey: Hashable {
    package var segment: Int32
    var name: Int32
    var method: Int32
  }

  /// Label names (the names of `perLabel[...].name`).
  package var labels = ByteInterner()
  package var methods = ByteInterner()
  var transactionLabels = ByteInterner()
  var transactions: [Transaction] = []
  /// Whether this part has folded a transaction name (warned once).
  private var transactionNamesFolded = false
  package var perLabel: [Label] = []
  package var segments: [Segment] = []
  package var errors: [ErrorKey: ErrorGroup] = [:]
  /// Set-aside rows by the segment in use when they were read (−1: before any request).
  package var setAsideBySegment: [SetAsideKey: Int64] = [:]
  /// Byte offset in the file and message; turned into `file:line` warnings at the end.
  package var warnings: [(offset: Int, message: String)] = []
  /// The segment in use when each kept warning was met (−1: before any request).
  package var warningSegments: [Int32] = []
  package var warningCount = 0
  package var exactBudget: Int
  package var stored = 0
  package var usesHistograms = false
  /// Timed-phase values kept exactly (both phases together), at most `timingBudget`; past it the
  /// phases go to HDR histograms, so a JTL's Latency and Connect columns cost memory only up to
  /// there and never eat into the latencies' budget.
  package private(set) var timingsStored = 0
  package var timingBudget: Int { min(exactBudget, Self.exactTimingsPerPart) }
  package static let exactTimingsPerPart = 100_000
  /// Each request's end, to the millisecond, for the per-request fault figures.
  package var marks = RequestMarksBuilder()
  /// Names folded into `otherLabel` on intake (past `maximumLabelsPerPart`), so the summary can
  /// say how many distinct labels `(other)` holds.
  var foldedNames: Set<FoldedName> = []
  /// Seconds without samples that start a new segment.
  package let sessionGap: Int64
  private var current: Int = -1
  private var lastSlot: Int32 = -1
  /// The start second of the request `record` last counted (in segment `current`).
  private var lastSecond: Int64 = 0
  private var otherSlots: [SlotKey: Int32] = [:]
  /// The hash of the name `label` just folded, until `record` files it under its segment.
  private var pendingFold: UInt64?

  /// - Parameter sessionGap: seconds; 0 never splits.
  package init(exactBudget: Int, sessionGap: Int64 = RequestAccumulator.defaultSessionGap) {
    self.exactBudget = exactBudget
    self.sessionGap = sessionGap > 0 ? sessionGap : Self.neverSplit
    labels.limit = Self.maximumLabelsPerPart
    methods.limit = Self.maximumMethods
    transactionLabels.limit = Self.maximumTransactionNames
  }

  package static let defaultSessionGap: Int64 = 300
  /// The gap `--session-gap 0` stands for: longer than any span of plausible start times
  /// (2000–2100), short enough that no bound arithmetic overflows.
  static let neverSplit: Int64 = 1 << 40
  /// Distinct request labels one run keeps; past it `RawRunSummarizer` folds the rarest into
  /// `otherLabel`, so 200 000 generated URLs cost what 10 000 do.
  static let maximumLabels = 10_000
  /// Distinct names one part interns before new ones go straight to `otherLabel`: room for the
  /// ranking to find the frequent ones while memory stays bounded.
  static let maximumLabelsPerPart = 4 * maximumLabels
  static let otherLabel = "(other)"
  /// Distinct Transaction Controller names one part keeps (a test plan has a handful); later ones
  /// are counted as `otherLabel`.
  static let maximumTransactionNames = 1_000
  /// Distinct methods kept; later ones are recorded as none.
  static let maximumMethods = 1_000

  package var setAside: [SetAsideReason: Int64] {
    setAsideBySegment.reduce(into: [:]) { $0[$1.key.reason, default: 0] += $1.value }
  }

  package var firstStartMs: Int64 { segments.map(\.firstStartMs).min() ?? .max }
  package var lastEndMs: Int64 { segments.map(\.lastEndMs).max() ?? .min }

  /// The name id of a label.
  @inline(__always)
  package mutating func label(_ field: ByteField) -> Int32 {
    let id = labels.id(field)
    pendingFold = nil
    return id >= 0 ? id : folded(ByteInterner.hash(field))
  }

  package mutating func label(named name: String) -> Int32 {
    let id = labels.id(of: name)
    pendingFold = nil
    return id >= 0 ? id : folded(ByteInterner.hash(of: name))
  }

  /// The id of `otherLabel`, for a name past `maximumLabelsPerPart`.
  private mutating func folded(_ hash: UInt64) -> Int32 {
    labels.limit = Int.max
    let other = labels.id(of: Self.otherLabel)
    labels.limit = Self.maximumLabelsPerPart
    pendingFold = hash
    return other
  }

  /// The segment holding `second`, created when no segment comes within the gap.
  @inline(__always)
  private mutating func segment(for second: Int64) -> Int {
    if current >= 0, second >= segments[current].firstSecond - sessionGap,
      second <= segments[current].lastSecond + sessionGap
    {
      extend(current, second)
      return current
    }
    return findSegment(second)
  }

  @inline(__always)
  private mutating func extend(_ index: Int, _ second: Int64) {
    if second < segments[index].firstSecond { segments[index].firstSecond = second }
    if second > segments[index].lastSecond { segments[index].lastSecond = second }
  }

  private mutating func findSegment(_ second: Int64) -> Int {
    let found = segments.lastIndex {
      second >= $0.firstSecond - sessionGap && second <= $0.lastSecond + sessionGap
    }
    if let found {
      current = found
    } else {
      segments.append(Segment(firstSecond: second, lastSecond: second))
      current = segments.count - 1
    }
    extend(current, second)
    return current
  }

  /// The slot of (name, method) in segment `index`.
  @inline(__always)
  private mutating func slot(segment index: Int, name: Int32, method: Int32) -> Int32 {
    let position = Int(name)
    if position < segments[index].slots.count {
      let slot = segments[index].slots[position]
      if slot >= 0, perLabel[Int(slot)].method == method { return slot }
      if slot >= 0 { return otherSlot(segment: index, name: name, method: method) }
    } else {
      segments[index].slots += repeatElement(-1, count: position + 1 - segments[index].slots.count)
    }
    let slot = newSlot(segment: index, name: name, method: method)
    segments[index].slots[position] = slot
    return slot
  }

  private mutating func otherSlot(segment index: Int, name: Int32, method: Int32) -> Int32 {
    let key = SlotKey(segment: Int32(index), name: name, method: method)
    if let slot = otherSlots[key] { return slot }
    let slot = newSlot(segment: index, name: name, method: method)
    otherSlots[key] = slot
    return slot
  }

  private mutating func newSlot(segment index: Int, name: Int32, method: Int32) -> Int32 {
    perLabel.append(
      Label(
        name: name, method: method, segment: Int32(index), histogram: usesHistograms ? HDRHistogram() : nil))
    return Int32(perLabel.count - 1)
  }

  /// The Unix second holding `ms` (floor, also before 1970).
  @inline(__always)
  package static func second(ofMs ms: Int64) -> Int64 { ms >= 0 ? ms / 1000 : (ms - 999) / 1000 }

  /// Start times outside 2000–2100 are a broken clock or field, not a request.
  package static let earliestMs: Int64 = 946_684_800_000
  package static let latestMs: Int64 = 4_102_444_800_000
  /// A latency over a day is not a response time.
  package static let maximumLatencyMs = 86_400_000.0

  /// Records one request, or sets it aside (counted, with a warning at `offset` when given) when its
  /// start time or latency is implausible; returns whether it was counted.
  @inline(__always)
  @discardableResult
  package mutating func record(
    label name: Int32, method: Int32 = -1, startMs: Int64, latencyMs: Double, failed: Bool, users: Int32,
    offset: Int = -1, status: StatusClass? = nil
  ) -> Bool {
    guard admits(startMs: startMs, latencyMs: latencyMs, offset: offset) else { return false }
    let second = Self.second(ofMs: startMs)
    let segment = segment(for: second)
    lastSecond = second
    if let hash = pendingFold {
      foldedNames.insert(FoldedName(segment: Int32(segment), hash: hash))
      pendingFold = nil
    }
    // A whole-ms latency (every JTL's) needs neither libm rounding call; `admits` bounds it.
    let wholeMs = Int64(latencyMs)
    let isWhole = Double(wholeMs) == latencyMs
    let endMs = startMs + (isWhole ? wholeMs : Int64(latencyMs.rounded(.up)))
    segments[segment].count(
      second: second, startMs: startMs, endMs: endMs, failed: failed, users: users, status: status)
    marks.record(endMs: startMs + (isWhole ? wholeMs : Int64(latencyMs.rounded())), failed: failed)
    let slot = slot(segment: segment, name: name, method: method)
    lastSlot = slot
    perLabel[Int(slot)].count(latencyMs: latencyMs, second: second, failed: failed, exactly: !usesHistograms)
    if !usesHistograms {
      stored += 1
      if stored > exactBudget { switchToHistograms() }
    }
    return true
  }

  /// Records a timed phase of a request (JMeter `Latency`/`Connect`, k6 `http_req_waiting` /
  /// `http_req_connecting`) at the request's start; a value or time that `record` would set aside
  /// (or NaN, for an unreadable field) is left out, with a warning at `offset` when given. Exact
  /// values count against `timingBudget`.
  @inline(__always)
  package mutating func recordTiming(
    _ phase: TimingPhase, startMs: Int64, milliseconds: Double, offset: Int = -1
  ) {
    guard startMs >= Self.earliestMs, startMs < Self.latestMs else {
      leaveOut(phase, offset: offset)
      return
    }
    let second = Self.second(ofMs: startMs)
    recordTiming(
      phase, segment: segment(for: second), second: second, milliseconds: milliseconds, offset: offset)
  }

  /// `recordTiming` of both phases of the request `record` just counted (a JTL row's Latency and
  /// Connect; `nil`: the row has no such field), in the segment and second `record` found: one
  /// segment lookup a row instead of one a phase.
  @inline(__always)
  package mutating func recordTimingsOfLastRequest(firstByte: Double?, connect: Double?, offset: Int = -1) {
    if let firstByte {
      recordTiming(.firstByte, segment: current, second: lastSecond, milliseconds: firstByte, offset: offset)
    }
    if let connect {
      recordTiming(.connect, segment: current, second: lastSecond, milliseconds: connect, offset: offset)
    }
  }

  @inline(__always)
  private mutating func recordTiming(
    _ phase: TimingPhase, segment: Int, second: Int64, milliseconds: Double, offset: Int
  ) {
    guard milliseconds >= 0, milliseconds <= Self.maximumLatencyMs else {
      leaveOut(phase, offset: offset)
      return
    }
    if segments[segment].timings.record(
      phase, second: second, milliseconds: milliseconds, exact: timingsStored < timingBudget)
    {
      timingsStored += 1
      if timingsStored == timingBudget {
        for index in segments.indices { segments[index].timings.switchToHistograms() }
      }
    }
  }

  private mutating func leaveOut(_ phase: TimingPhase, offset: Int) {
    guard offset >= 0 else { return }
    warn(
      offset: offset, "\(phase.label) left out: not a plausible time (0 ms to one day) at a plausible start")
  }

  private mutating func admits(startMs: Int64, latencyMs: Double, offset: Int) -> Bool {
    let plausibleLatency = latencyMs >= 0 && latencyMs <= Self.maximumLatencyMs
    if plausibleLatency, startMs >= Self.earliestMs, startMs < Self.latestMs { return true }
    if !plausibleLatency {
      setAside(.implausibleLatency)
      if offset >= 0 {
        warn(
          offset: offset,
          "request set aside: latency \(NumberFormat.decimal(latencyMs, places: latencyMs == latencyMs.rounded() ? 0 : 3)) ms is "
            + (latencyMs < 0 ? "negative" : "not a response time (over one day)"))
      }
    } else {
      setAside(.implausibleTime)
      if offset >= 0 {
        warn(
          offset: offset,
          "request set aside: start time \(startMs) ms (Unix epoch) is before 2000 or after 2100")
      }
    }
    return false
  }

  /// Counts a Transaction Controller parent sample as a transaction, not as a request; one with an
  /// implausible latency or start is set aside like a request (`offset` for the warning). Names
  /// past `maximumTransactionNames` in a part are counted as `otherLabel`.
  mutating func recordTransaction(
    _ name: ByteField, startMs: Int64, latencyMs: Double, failed: Bool, offset: Int
  ) {
    guard admits(startMs: startMs, latencyMs: latencyMs, offset: offset) else { return }
    setAside(.transactionParent)
    var id = transactionLabels.id(name)
    if id < 0 {
      if !transactionNamesFolded {
        transactionNamesFolded = true
        warn(
          offset: offset,
          "more than \(Self.maximumTransactionNames) distinct transaction names: the rest are counted as "
            + "\(Self.otherLabel)")
      }
      transactionLabels.limit = Int.max
      id = transactionLabels.id(of: Self.otherLabel)
      transactionLabels.limit = Self.maximumTransactionNames
    }
    let index = Int(id)
    if index == transactions.count { transactions.append(Transaction()) }
    let second = Self.second(ofMs: startMs)
    transactions[index].count += 1
    if failed { transactions[index].failures += 1 }
    transactions[index].sum += latencyMs
    transactions[index].firstSecond = Swift.min(transactions[index].firstSecond, second)
    transactions[index].lastSecond = Swift.max(transactions[index].lastSecond, second)
    transactions[index].values.append(latencyMs)
    transactions[index].seconds.append(UInt32(truncatingIfNeeded: second))
    if failed { transactions[index].failuresBySecond[second, default: 0] += 1 }
  }

  /// Active users in a second (k6 `vus`, Gatling `USER` records).
  package mutating func noteUsers(second: Int64, _ activeUsers: Int32) {
    let segment = segment(for: second)
    segments[segment].seconds.noteUsers(second: second, activeUsers)
  }

  /// The error of the request just recorded (same name), else of a slot found by time.
  package mutating func recordError(label name: Int32, message: String, atMs: Int64) {
    var slot = lastSlot
    if slot < 0 || perLabel[Int(slot)].name != name {
      let second = Self.second(ofMs: atMs)
      slot = self.slot(segment: segment(for: second), name: name, method: -1)
    }
    let key = ErrorKey(label: slot, message: message)
    var group = errors[key] ?? ErrorGroup()
    group.count += 1
    group.firstMs = Swift.min(group.firstMs, atMs)
    group.lastMs = Swift.max(group.lastMs, atMs)
    errors[key] = group
  }

  package mutating func setAside(_ reason: SetAsideReason) {
    setAsideBySegment[SetAsideKey(segment: Int32(current), reason: reason), default: 0] += 1
  }

  /// Keeps the first 100 warnings; the rest are only counted.
  package mutating func warn(offset: Int, _ message: String) {
    warningCount += 1
    if warnings.count < 100 {
      warnings.append((offset, message))
      warningSegments.append(Int32(current))
    }
  }

  /// Moves every label's exact values into an HDR histogram and records into histograms from now on.
  package mutating func switchToHistograms() {
    usesHistograms = true
    for index in perLabel.indices { perLabel[index].moveValuesToHistogram() }
    stored = 0
  }

  package mutating func release() {
    for index in perLabel.indices {
      perLabel[index].values.release()
      perLabel[index].seconds.release()
    }
    for index in transactions.indices {
      transactions[index].values.release()
      transactions[index].seconds.release()
    }
    for index in segments.indices { segments[index].timings.release() }
  }
}
