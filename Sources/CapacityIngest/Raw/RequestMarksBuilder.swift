import CapacityModel

/// Collects `RequestMarks` while a raw log is parsed: one bit per successful response's end
/// millisecond, one entry per failed request. Rows come roughly in time order, so the page being
/// written is held outside the dictionary and swapped only when the time moves to another page.
package struct RequestMarksBuilder {
  private var pages: [Int64: [UInt64]] = [:]
  private var currentIndex = Int64.min
  private var current: [UInt64] = []
  private var failures: [Int64] = []

  @inline(__always)
  package mutating func record(endMs: Int64, failed: Bool) {
    if failed {
      failures.append(endMs)
      return
    }
    let index = endMs >> RequestMarks.pageShift
    if index != currentIndex { switchPage(to: index) }
    let offset = Int(endMs & ((1 << RequestMarks.pageShift) - 1))
    current[offset >> 6] |= 1 << UInt64(offset & 63)
  }

  private mutating func switchPage(to index: Int64) {
    if currentIndex != .min { pages[currentIndex] = current }
    current = pages.removeValue(forKey: index) ?? Array(repeating: 0, count: RequestMarks.pageWords)
    currentIndex = index
  }

  /// The marks collected, with the failures sorted.
  package func marks() -> RequestMarks {
    var all = pages
    if currentIndex != .min { all[currentIndex] = current }
    return RequestMarks(pages: all, failureEndsMs: failures.sorted())
  }

  /// The marks of several parts of one log.
  package static func merged(_ parts: [RequestMarks]) -> RequestMarks {
    var result = RequestMarks()
    for part in parts {
      result.pages.merge(part.pages) { mine, theirs in zip(mine, theirs).map { $0 | $1 } }
      result.failureEndsMs += part.failureEndsMs
    }
    result.failureEndsMs.sort()
    return result
  }
}
