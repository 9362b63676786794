import CapacityModel

/// Seeded, libFuzzer-like mutations of an input (bit flips, byte changes, insertions of the tokens
/// parsers trip on, erasures, duplications, numbers swapped for extreme ones), so a test can run a
/// short, repeatable fuzz smoke without a libFuzzer build. `SeededGenerator`, so the same seed
/// gives the same inputs on every machine.
package struct ByteMutator {
  private var random: SeededGenerator

  /// Byte strings real-world files and hostile inputs put where parsers do not expect them.
  static let tokens: [[UInt8]] = [
    "\r\n", "\r", "\n", "\"", "\"\"", ",", ";", "\t", " ", "-1", "0", "9223372036854775807",
    "99999999999999999999",
    "1e300", "-1e300", "NaN", "inf", "\u{FEFF}", "<", "&", "]]>", "{", "}", ":", "- ", "&a", "*a", "!!binary",
    "\u{00}", "\u{7F}", "é", "\u{FFFD}",
  ].map { Array($0.utf8) }

  package init(seed: UInt64) { random = SeededGenerator(seed: seed) }

  private mutating func next() -> UInt64 { random.next() }

  private mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

  /// One to four stacked mutations of `input`, at most `maximumLength` bytes.
  package mutating func mutate(_ input: [UInt8], maximumLength: Int = 4096) -> [UInt8] {
    var bytes = Array(input.prefix(maximumLength))
    for _ in 0...below(4) { apply(to: &bytes) }
    return Array(bytes.prefix(maximumLength))
  }

  private mutating func apply(to bytes: inout [UInt8]) {
    let at = below(bytes.count + 1)
    switch below(7) {
    case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1) << UInt8(below(8))
    case 1 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: next())
    case 2: bytes.insert(contentsOf: Self.tokens[below(Self.tokens.count)], at: at)
    case 3 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + 1 + below(64)))
    case 4 where !bytes.isEmpty:
      let piece = bytes[at..<min(bytes.count, at + 1 + below(256))]
      bytes.insert(contentsOf: piece, at: below(bytes.count + 1))
    case 5: replaceNumber(in: &bytes, from: at)
    default: bytes.insert(UInt8(truncatingIfNeeded: next()), at: at)
    }
  }

  /// The first run of digits at or after `start` becomes an extreme number.
  private mutating func replaceNumber(in bytes: inout [UInt8], from start: Int) {
    guard let first = bytes[start...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return }
    let end = bytes[first...].firstIndex { $0 < 0x30 || $0 > 0x39 } ?? bytes.count
    let numbers = [
      "0", "-0", "18446744073709551616", "-9223372036854775808", "4102444800000", "1.7976931348623157e308",
    ]
    bytes.replaceSubrange(first..<end, with: Array(numbers[below(numbers.count)].utf8))
  }
}
