import CapacityModel

/// Per-second request, failure and user counts of a raw log, indexed by Unix second. Rows are
/// only roughly in time order, so the table grows at either end.
package struct SecondTable {
  package private(set) var base: Int64 = 0
  package private(set) var requests: [Int32] = []
  package private(set) var failures: [Int32] = []
  /// Highest active-user count seen in the second; −1 when the tool said nothing.
  package private(set) var users: [Int32] = []

  package var isEmpty: Bool { requests.isEmpty }
  package var lastSecond: Int64 { base + Int64(requests.count) - 1 }

  @inline(__always)
  private mutating func slot(_ second: Int64) -> Int {
    var offset = second - base
    if offset < 0 || offset >= Int64(requests.count) || requests.isEmpty {
      grow(toInclude: second)
      offset = second - base
    }
    return Int(offset)
  }

  private mutating func grow(toInclude second: Int64) {
    if requests.isEmpty {
      base = second
      requests = [0]
      failures = [0]
      users = [-1]
      return
    }
    if second < base {
      let extra = Int(base - second) + 64
      requests.insert(contentsOf: repeatElement(0, count: extra), at: 0)
      failures.insert(contentsOf: repeatElement(0, count: extra), at: 0)
      users.insert(contentsOf: repeatElement(-1, count: extra), at: 0)
      base -= Int64(extra)
    } else {
      let needed = Int(second - base) + 1 - requests.count
      requests += repeatElement(0, count: needed)
      failures += repeatElement(0, count: needed)
      users += repeatElement(-1, count: needed)
    }
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
    guard !other.isEmpty else { return }
    _ = slot(other.base)
    _ = slot(other.lastSecond)
    for offset in 0..<other.requests.count {
      let index = Int(other.base - base) + offset
      requests[index] &+= other.requests[offset]
      failures[index] &+= other.failures[offset]
      users[index] = max(users[index], other.users[offset])
    }
  }

  /// One point per second from the first to the last second with requests; seconds without a
  /// user count carry the previous one.
  package func timeline() -> [TimelinePoint] {
    guard let first = requests.firstIndex(where: { $0 > 0 }),
      let last = requests.lastIndex(where: { $0 > 0 })
    else { return [] }
    var points: [TimelinePoint] = []
    points.reserveCapacity(last - first + 1)
    var totalRequests: Int64 = 0
    var totalFailures: Int64 = 0
    var currentUsers = max(0, users[first...last].first { $0 >= 0 } ?? 0)
    for index in first...last {
      totalRequests += Int64(requests[index])
      totalFailures += Int64(failures[index])
      if users[index] >= 0 { currentUsers = users[index] }
      points.append(
        TimelinePoint(
          timestamp: base + Int64(index), users: Int(currentUsers),
          requestsPerSecond: Double(requests[index]), failuresPerSecond: Double(failures[index]),
          percentiles: [], totalRequests: totalRequests, totalFailures: totalFailures))
    }
    return points
  }
}
