#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where an XML JTL cut off before its root's end tag (JMeter killed, disk full, a copy taken
/// mid-run) can be read up to: just past the last complete child of the root. libxml2's reader
/// stops at the first error without handing over the nodes it had already parsed in that chunk,
/// so the parser reads only up to this point and closes the root itself.
///
/// A light scan: tags, comments, CDATA, processing instructions and quoted attribute values are
/// skipped with `memchr`; nothing is decoded.
struct XMLCutOff {
  /// Bytes to read: everything before the element that was cut off.
  var keep: Int
  /// Where the cut-off element starts (the line the warning names); the file's length when only
  /// the root's end tag is missing.
  var stop: Int
  /// The end tag that closes the root, e.g. `</testResults>`.
  var closing: [UInt8]

  /// Nil when the file ends with the root's end tag (or has no root element to keep).
  static func find(_ bytes: UnsafeRawBufferPointer) -> XMLCutOff? {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
    var scan = Scan(base: base, count: bytes.count)
    return scan.run()
  }

  private struct Scan {
    let base: UnsafePointer<UInt8>
    let count: Int
    var depth = 0
    var root: [UInt8] = []
    var lastComplete = -1

    init(base: UnsafePointer<UInt8>, count: Int) {
      self.base = base
      self.count = count
    }

    /// The offset of the first `byte` at or after `from`, or nil.
    func find(_ byte: UInt8, from: Int) -> Int? {
      guard from < count, let found = memchr(base + from, Int32(byte), count - from) else { return nil }
      return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset just past the first `terminator` at or after `from`, or nil.
    func past(_ terminator: StaticString, from: Int) -> Int? {
      let length = terminator.utf8CodeUnitCount
      var position = from
      while let found = find(terminator.utf8Start[0], from: position) {
        if found + length <= count, memcmp(base + found, terminator.utf8Start, length) == 0 {
          return found + length
        }
        position = found + 1
      }
      return nil
    }

    func starts(_ prefix: StaticString, at offset: Int) -> Bool {
      let length = prefix.utf8CodeUnitCount
      return offset + length <= count && memcmp(base + offset, prefix.utf8Start, length) == 0
    }

    /// The offset of a start tag's closing `>`, skipping quoted attribute values.
    func tagEnd(from: Int) -> Int? {
      var position = from
      while position < count {
        let byte = base[position]
        if byte == UInt8(ascii: ">") { return position }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
          guard let closing = find(byte, from: position + 1) else { return nil }
          position = closing
        }
        position += 1
      }
      return nil
    }

    mutating func run() -> XMLCutOff? {
      var position = 0
      while let open = find(UInt8(ascii: "<"), from: position) {
        guard let next = step(at: open) else { break }
        if depth == 0, !root.isEmpty { return nil }
        position = next
      }
      guard !root.isEmpty, lastComplete >= 0 else { return nil }
      var stop = lastComplete
      while stop < count, [0x20, 0x09, 0x0A, 0x0D].contains(base[stop]) { stop += 1 }
      return XMLCutOff(keep: lastComplete, stop: stop, closing: Array("</".utf8) + root + [UInt8(ascii: ">")])
    }

    /// Reads the markup at `open` (a `<`); the offset after it, or nil when it is cut off.
    mutating func step(at open: Int) -> Int? {
      if starts("<?", at: open) { return past("?>", from: open + 2) }
      if starts("<!--", at: open) { return past("-->", from: open + 4) }
      if starts("<![CDATA[", at: open) { return past("]]>", from: open + 9) }
      if starts("<!", at: open) { return find(UInt8(ascii: ">"), from: open + 2).map { $0 + 1 } }
      if starts("</", at: open) {
        guard let end = find(UInt8(ascii: ">"), from: open + 2) else { return nil }
        depth -= 1
        if depth == 1 { lastComplete = end + 1 }
        return end + 1
      }
      guard let end = tagEnd(from: open + 1) else { return nil }
      if base[end - 1] == UInt8(ascii: "/") {
        if depth == 1 { lastComplete = end + 1 }
        if depth == 0 { return nil }
      } else {
        depth += 1
        if depth == 1 {
          var nameEnd = open + 1
          while nameEnd < end, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/")].contains(base[nameEnd]) {
            nameEnd += 1
          }
          root = Array(UnsafeBufferPointer(start: base + open + 1, count: nameEnd - open - 1))
          lastComplete = end + 1
        }
      }
      return end + 1
    }
  }
}
