/// When the requests of a raw log ended, to the millisecond, for the per-request fault figures
/// (interruption, failure burst, failed requests): which milliseconds saw at least one successful
/// response end — a bitmap in pages of 65 536 ms, so a stray timestamp costs one page, not the
/// span between — and the end time of every failed request. About 16 bytes per second of run,
/// plus 8 per failed request.
public struct RequestMarks: Sendable, Equatable {
  package static let pageShift: Int64 = 16
  package static let pageWords = 1 << 10
  /// Page index (Unix ms >> 16) → 1 024 words, bit `ms & 0xFFFF` set when a success ended then.
  public var pages: [Int64: [UInt64]]
  /// End times of failed requests, Unix ms, sorted.
  public var failureEndsMs: [Int64]

  public init(pages: [Int64: [UInt64]] = [:], failureEndsMs: [Int64] = []) {
    self.pages = pages
    self.failureEndsMs = failureEndsMs
  }

  public var isEmpty: Bool { pages.isEmpty && failureEndsMs.isEmpty }

  /// The marks of `from..<to` only, for one session of a file: pages outside dropped, the bits of
  /// pages straddling an edge cleared outside the range.
  public func within(fromMs from: Int64, toMs to: Int64) -> RequestMarks {
    guard from < to else { return RequestMarks() }
    var kept: [Int64: [UInt64]] = [:]
    for (index, page) in pages where index >= from >> Self.pageShift && index <= (to - 1) >> Self.pageShift {
      let base = index << Self.pageShift
      guard base < from || base + (1 << Self.pageShift) > to else {
        kept[index] = page
        continue
      }
      var words = page
      for word in words.indices where words[word] != 0 {
        for bit in 0..<64 where words[word] & (1 << UInt64(bit)) != 0 {
          let ms = base + Int64(word * 64 + bit)
          if ms < from || ms >= to { words[word] &= ~(1 << UInt64(bit)) }
        }
      }
      kept[index] = words
    }
    return RequestMarks(pages: kept, failureEndsMs: Array(failures(fromMs: from, toMs: to)))
  }

  /// Calls `body` with each millisecond in `from..<to` in which a successful response ended, in order.
  package func forEachSuccess(fromMs from: Int64, toMs to: Int64, _ body: (Int64) -> Void) {
    guard from < to else { return }
    for index in (from >> Self.pageShift)...((to - 1) >> Self.pageShift) {
      guard let page = pages[index] else { continue }
      let base = index << Self.pageShift
      let firstWord = Int(max(0, from - base) >> 6)
      let lastWord = Int(min(Int64(Self.pageWords * 64 - 1), to - 1 - base) >> 6)
      guard firstWord <= lastWord else { continue }
      for word in firstWord...lastWord where page[word] != 0 {
        var bits = page[word]
        while bits != 0 {
          let ms = base + Int64(word * 64 + bits.trailingZeroBitCount)
          bits &= bits - 1
          if ms >= from, ms < to { body(ms) }
        }
      }
    }
  }

  /// The failure end times in `from..<to`.
  package func failures(fromMs from: Int64, toMs to: Int64) -> ArraySlice<Int64> {
    let lower = Self.firstIndex(in: failureEndsMs, notBelow: from)
    let upper = Self.firstIndex(in: failureEndsMs, notBelow: to)
    return failureEndsMs[lower..<max(lower, upper)]
  }

  private static func firstIndex(in sorted: [Int64], notBelow value: Int64) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
