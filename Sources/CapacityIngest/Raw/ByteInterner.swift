#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps byte strings (labels, methods) to small dense ids without allocating for known ones.
package struct ByteInterner {
  private var slots = [Int32](repeating: -1, count: 64)
  private var hashes: [UInt64] = []
  private var offsets: [Int] = []
  private var lengths: [Int] = []
  private var arena: [UInt8] = []
  /// The interned strings, by id.
  package private(set) var names: [String] = []

  package var count: Int { names.count }
  /// Past this many names, `id` of a new name is −1 (the caller folds it into a catch-all).
  var limit = Int.max

  /// Eight bytes a step, each step multiplied and its high half folded into the low one (the
  /// table's slot is the low bits); the tail a byte at a time, FNV-1a style. Only compared within
  /// one process, never stored.
  @inline(__always)
  static func hash(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var index = 0
    while count - index >= 8 {
      hash =
        (hash ^ UnsafeRawPointer(pointer + index).loadUnaligned(as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
      hash ^= hash >> 32
      index += 8
    }
    while index < count {
      hash = (hash ^ UInt64(pointer[index])) &* 0x100_0000_01b3
      index += 1
    }
    return hash ^ (hash >> 29)
  }

  @inline(__always)
  package mutating func id(_ field: ByteField) -> Int32 {
    if field.hasEscapedQuotes { return id(of: field.string) }
    return id(field.start, field.count)
  }

  /// The hash `id` files a field under.
  static func hash(_ field: ByteField) -> UInt64 {
    if field.hasEscapedQuotes { return hash(of: field.string) }
    return hash(field.start, field.count)
  }

  static func hash(of string: String) -> UInt64 {
    var copy = string
    return copy.withUTF8 { hash($0.baseAddress ?? ByteScanning.emptyPointer, $0.count) }
  }

  package mutating func id(of string: String) -> Int32 {
    var copy = string
    return copy.withUTF8 { buffer in
      id(buffer.baseAddress ?? ByteScanning.emptyPointer, buffer.count)
    }
  }

  package mutating func id(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    let hash = Self.hash(pointer, count)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry < 0 { break }
      let index = Int(entry)
      if hashes[index] == hash, lengths[index] == count {
        let same = arena.withUnsafeBufferPointer {
          memcmp($0.baseAddress! + offsets[index], pointer, count) == 0
        }
        if same { return entry }
      }
      slot = (slot + 1) & mask
    }
    guard names.count < limit else { return -1 }
    let id = Int32(names.count)
    slots[slot] = id
    hashes.append(hash)
    offsets.append(arena.count)
    lengths.append(count)
    arena.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
    arena.append(0)
    names.append(String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self))
    if names.count * 2 > slots.count { rehash() }
    return id
  }

  private mutating func rehash() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for (index, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index)
    }
  }
}
