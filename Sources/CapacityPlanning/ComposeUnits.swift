import CapacityModel
import Yams

/// Docker Compose resource notations: `cpus` as a decimal count of cores, memory in docker units.
package enum ComposeUnits {
  /// Parses `cpus: "0.5"` or `cpus: 1.5` (no suffix) into millicores, rounding up.
  package static func millicores(_ node: Node, field: String, file: String) throws(PlanningError) -> Int64 {
    let text = YAMLReader.scalar(node) ?? YAMLReader.text(node)
    guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      let quantity = try? Quantity(parsing: text)
    else {
      throw .invalidQuantity(
        file: file, field: field, value: text, reason: "expected a number of cores such as 0.5 or 2"
      )
    }
    return quantity.milliValue
  }

  /// Parses docker memory (`512M`, `1.5g`, `1GiB`, `256mb`, `1073741824`) into bytes, rounding up;
  /// suffixes b, k, m, g, t, p are case-insensitive powers of 1024 with an optional `i` and trailing `b`.
  package static func bytes(_ node: Node, field: String, file: String) throws(PlanningError) -> Int64 {
    let text = YAMLReader.scalar(node) ?? YAMLReader.text(node)
    let failure = PlanningError.invalidQuantity(
      file: file, field: field, value: text,
      reason:
        "expected a docker memory size such as 512M or 1.5G (b, k, m, g, t, p are powers of 1024)")
    let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
    var unit = text.dropFirst(number.count).lowercased()
    if unit.hasPrefix(" ") { unit.removeFirst() }
    if unit.hasSuffix("b") { unit.removeLast() }
    if unit.count == 2, unit.hasSuffix("i") { unit.removeLast() }
    let powers: [String: Int] = ["": 0, "k": 1, "m": 2, "g": 3, "t": 4, "p": 5]
    guard !number.isEmpty, let power = powers[unit],
      let amount = try? Quantity(parsing: String(number))
    else {
      throw failure
    }
    var nano = amount.nanoValue
    for _ in 0..<power { nano *= 1024 }
    let (units, remainder) = nano.quotientAndRemainder(dividingBy: Quantity.nanoPerUnit)
    let rounded = remainder == 0 ? units : units + 1
    guard rounded <= Int128(Int64.max) else { throw failure }
    return Int64(rounded)
  }
}
