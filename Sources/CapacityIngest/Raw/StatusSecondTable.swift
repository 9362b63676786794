import CapacityModel

/// Requests per status class per Unix second of a raw log, in pages of 64 seconds × the
/// `StatusClass` cases that exist only where requests fell (as `SecondTable` keeps its counts).
/// Counting a request costs a comparison and an increment; a new page costs one allocation.
package struct StatusSecondTable {
  static let pageShift = 6
  static let classes = StatusClass.allCases.count
  static let pageLength = classes << pageShift

  private var pageOfNumber: [Int64: Int] = [:]
  /// The page number (Unix second >> `pageShift`) of each page.
  private var numbers: [Int64] = []
  /// Page `p`'s second `s`, class `c` is at `(p << pageShift | s) × classes + c`.
  private var counts: [UInt32] = []
  private var lastNumber = Int64.min
  private var lastPage = 0

  /// Whether no request with a status was counted.
  package var isEmpty: Bool { numbers.isEmpty }

  @inline(__always)
  package mutating func add(second: Int64, _ statusClass: StatusClass) {
    let number = second >> Int64(Self.pageShift)
    if number != lastNumber {
      lastPage = page(number)
      lastNumber = number
    }
    let offset = Int(second & Int64((1 << Self.pageShift) - 1))
    counts[(lastPage << Self.pageShift | offset) * Self.classes + statusClass.rawValue] &+= 1
  }

  private mutating func page(_ number: Int64) -> Int {
    if let page = pageOfNumber[number] { return page }
    let page = numbers.count
    pageOfNumber[number] = page
    numbers.append(number)
    counts += repeatElement(0, count: Self.pageLength)
    return page
  }

  package mutating func merge(_ other: StatusSecondTable) {
    for (otherPage, number) in other.numbers.enumerated() {
      let target = page(number) * Self.pageLength
      let source = otherPage * Self.pageLength
      for index in 0..<Self.pageLength { counts[target + index] &+= other.counts[source + index] }
    }
    lastNumber = Int64.min
  }

  /// The counts summed into `windowCount` windows of `windowSeconds` from Unix second `base`;
  /// seconds outside them are not counted.
  package func series(base: Int64, windowSeconds: Int, windowCount: Int) -> StatusCodeSeries {
    var windows = [[Int64]](
      repeating: [Int64](repeating: 0, count: Self.classes), count: max(0, windowCount))
    for (page, number) in numbers.enumerated() {
      for offset in 0..<(1 << Self.pageShift) {
        let second = number << Int64(Self.pageShift) | Int64(offset)
        guard second >= base else { continue }
        let window = Int((second - base) / Int64(max(1, windowSeconds)))
        guard window < windowCount else { continue }
        let start = (page << Self.pageShift | offset) * Self.classes
        for statusClass in 0..<Self.classes {
          windows[window][statusClass] += Int64(counts[start + statusClass])
        }
      }
    }
    return StatusCodeSeries(seconds: windowSeconds, start: base, windows: windows)
  }
}
