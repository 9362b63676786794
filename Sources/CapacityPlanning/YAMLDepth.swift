/// An upper bound on the nesting depth of a YAML text, found without parsing it: open flow
/// brackets (`[`, `{` outside quotes and comments) plus the block levels implied by indentation
/// and `- ` sequence entries. It can overestimate (a `- ` inside a plain scalar counts), never
/// underestimate, so a text it accepts cannot nest deeper than the limit.
package enum YAMLDepth {
  /// The 1-based line where the depth first exceeds `limit`, or `nil`.
  package static func lineExceeding(_ limit: Int, in text: String) -> Int? {
    var indents: [Int] = []  // block levels: the indentation of each open level
    var flow = 0
    var line = 1
    var column = 0
    var atLineStart = true
    var quote: UInt8 = 0
    var comment = false
    var previous: UInt8 = 0x20
    for byte in text.utf8 {
      if byte == 0x0A {
        line += 1
        column = 0
        atLineStart = true
        comment = false
        quote = 0
        previous = 0x20
        continue
      }
      defer {
        column += 1
        previous = byte
      }
      if comment { continue }
      if quote != 0 {
        if byte == quote { quote = 0 }
        continue
      }
      let blank = byte == 0x20 || byte == 0x09 || byte == 0x0D
      if atLineStart && !blank {
        atLineStart = false
        if byte != UInt8(ascii: "#") && flow == 0 {
          while let last = indents.last, last >= column { indents.removeLast() }
          indents.append(column)
        }
      }
      switch byte {
      case UInt8(ascii: "#") where previous == 0x20 || previous == 0x09: comment = true
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        if previous == 0x20 || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "[")
          || previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",") || previous == UInt8(ascii: "-")
        {
          quote = byte
        }
      case UInt8(ascii: "["), UInt8(ascii: "{"): flow += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"): flow = max(0, flow - 1)
      case UInt8(ascii: "-") where flow == 0 && (previous == 0x20 || column == 0):
        // `- - - x` opens one sequence level per dash on a single line.
        indents.append(column + 1)
      default: break
      }
      if indents.count + flow > limit { return line }
    }
    return nil
  }
}
