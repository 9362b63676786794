import CapacityModel

/// Per-second request, failure and user counts of a raw log, by Unix second, kept in pages of
/// 64 seconds that exist only where samples fell: a log spanning a week with two requests an
/// hour costs its 336 pages (768 bytes each), not a table over the whole span. Rows come roughly
/// in time order, so the page of the previous row is tried first.
package struct SecondTable {
  static let pageShift = 6
  static var pageSeconds: Int { 1 << pageShift }
  /// A stretch without requests longer than this is given in the timeline by its first and last
  /// second only, so the timeline follows the requests, not the span.
  static let maximumQuietSeconds: Int64 = 60

  private var pageOfNumber: [Int64: Int] = [:]
  /// The page number (Unix second >> `pageShift`) of each page.
  private var numbers: [Int64] = []
  /// Page `p`'s second `s` is at `p << pageShift | s`.
  private var requests: [Int32] = []
  private var failures: [Int32] = []
  /// Highest active-user count seen in the second; −1 when the tool said nothing.
  private var users: [Int32] = []
  private var lastNumber = Int64.min
  private var lastPage = 0

  var isEmpty: Bool { numbers.isEmpty }
  /// Pages held (for the bounds tests).
  var pageCount: Int { numbers.count }

  @inline(__always)
  private mutating func slot(_ second: Int64) -> Int {
    let number = second >> Int64(Self.pageShift)
    if number != lastNumber {
      lastPage = page(number)
      lastNumber = number
    }
    return lastPage << Self.pageShift | Int(second & Int64(Self.pageSeconds - 1))
  }

  private mutating func page(_ number: Int64) -> Int {
    if let page = pageOfNumber[number] { return page }
    let page = numbers.count
    pageOfNumber[number] = page
    numbers.append(number)
    requests += repeatElement(0, count: Self.pageSeconds)
    failures += repeatElement(0, count: Self.pageSeconds)
    users += repeatElement(-1, count: Self.pageSeconds)
    return page
  }

  /// The counts of `second` (zero, no users for a second without a page).
  private func entry(_ second: Int64) -> (requests: Int32, failures: Int32, users: Int32) {
    guard let page = pageOfNumber[second >> Int64(Self.pageShift)] else { return (0, 0, -1) }
    let index = page << Self.pageShift | Int(second & Int64(Self.pageSeconds - 1))
    return (requests[index], failures[index], users[index])
  }

  @inline(__always)
  package mutating func add(second: Int64, failed: Bool, users activeUsers: Int32) {
    let index = slot(second)
    requests[index] &+= 1
    if failed { failures[index] &+= 1 }
    if activeUsers > users[index] { users[index] = activeUsers }
  }

  package mutating func noteUsers(second: Int64, _ activeUsers: Int32) {
    let index = slot(second)
    if activeUsers > users[index] { users[index] = activeUsers }
  }

  package mutating func merge(_ other: SecondTable) {
    for (otherPage, number) in other.numbers.enumerated() {
      let page = page(number)
      for offset in 0..<Self.pageSeconds {
        let index = page << Self.pageShift | offset
        let source = otherPage << Self.pageShift | offset
        requests[index] &+= other.requests[source]
        failures[index] &+= other.failures[source]
        users[index] = max(users[index], other.users[source])
      }
    }
  }

  /// The seconds held, in time order, with their counts.
  private func heldSeconds() -> [(second: Int64, index: Int)] {
    var held: [(second: Int64, index: Int)] = []
    held.reserveCapacity(numbers.count * Self.pageSeconds)
    for page in numbers.indices.sorted(by: { numbers[$0] < numbers[$1] }) {
      for offset in 0..<Self.pageSeconds {
        held.append((numbers[page] << Int64(Self.pageShift) | Int64(offset), page << Self.pageShift | offset))
      }
    }
    return held
  }

  /// One point per second from the first to the last second with requests, except that a
  /// stretch of more than `maximumQuietSeconds` without requests is given by its first and last
  /// second; seconds without a user count carry the previous one.
  package func timeline() -> [TimelinePoint] {
    let held = heldSeconds()
    guard let first = held.first(where: { requests[$0.index] > 0 })?.second,
      let last = held.last(where: { requests[$0.index] > 0 })?.second
    else { return [] }
    var points: [TimelinePoint] = []
    var totalRequests: Int64 = 0
    var totalFailures: Int64 = 0
    var currentUsers = max(
      0,
      held.first { $0.second >= first && $0.second <= last && users[$0.index] >= 0 }.map { users[$0.index] }
        ?? 0)
    func append(_ second: Int64, _ counts: (requests: Int32, failures: Int32, users: Int32)) {
      totalRequests += Int64(counts.requests)
      totalFailures += Int64(counts.failures)
      if counts.users >= 0 { currentUsers = counts.users }
      points.append(
        TimelinePoint(
          timestamp: second, users: Int(currentUsers), requestsPerSecond: Double(counts.requests),
          failuresPerSecond: Double(counts.failures), percentiles: [], totalRequests: totalRequests,
          totalFailures: totalFailures))
    }
    var previous = first - 1
    var quietUsers: Int32?
    for (second, index) in held where second >= first && second <= last {
      guard requests[index] > 0 else {
        if users[index] >= 0 { quietUsers = users[index] }
        continue
      }
      let quiet = second - previous - 1
      if quiet > Self.maximumQuietSeconds {
        append(previous + 1, entry(previous + 1))
        append(second - 1, (0, 0, quietUsers ?? -1))
      } else if quiet > 0 {
        for stillSecond in (previous + 1)..<second { append(stillSecond, entry(stillSecond)) }
      }
      append(second, (requests[index], failures[index], users[index]))
      previous = second
      quietUsers = nil
    }
    return points
  }
}
