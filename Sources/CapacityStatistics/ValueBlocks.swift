/// An append-only list of latencies (or their seconds) in fixed blocks: growing it never copies, and the blocks
/// are moved into one contiguous buffer (and freed) only when the percentiles are computed.
/// A value type over manually managed memory: the owner calls `release()` or `moveAll(into:)`.
package struct ValueBlocks<Element> {
  package static var blockSize: Int { 1 << 16 }
  /// The first block is small and each next one twice as large up to `blockSize`, so a label
  /// with a handful of requests costs about a hundred bytes, not a 512 KiB block.
  package static var firstBlockSize: Int { 8 }
  package private(set) var blocks: [UnsafeMutablePointer<Element>] = []
  private var current: UnsafeMutablePointer<Element>?
  private var fill = 0
  private var currentCapacity = 0
  package private(set) var count = 0

  /// Capacity of block `index`: 8, 16, … 65 536, then 65 536.
  @inline(__always)
  package static func capacity(ofBlock index: Int) -> Int {
    index >= 13 ? blockSize : min(firstBlockSize << index, blockSize)
  }

  // `append` runs per request in the parsers of other modules, where a call of the unspecialised
  // generic (with its metadata lookup) cost four times the store it makes: the accumulators'
  // element types get specialised entry points.
  @_specialize(exported:true,where Element == Double)
  @_specialize(exported:true,where Element == UInt32)
  @inline(__always)
  package mutating func append(_ value: Element) {
    if fill == currentCapacity { addBlock() }
    current.unsafelyUnwrapped[fill] = value
    fill += 1
    count += 1
  }

  private mutating func addBlock() {
    currentCapacity = Self.capacity(ofBlock: blocks.count)
    let block = UnsafeMutablePointer<Element>.allocate(capacity: currentCapacity)
    blocks.append(block)
    current = block
    fill = 0
  }

  /// Calls `body` with every stored value, block by block.
  package func forEachBlock(_ body: (UnsafeBufferPointer<Element>) -> Void) {
    for (index, block) in blocks.enumerated() {
      let length = index == blocks.count - 1 ? fill : Self.capacity(ofBlock: index)
      body(UnsafeBufferPointer(start: block, count: length))
    }
  }

  /// Copies the values to `destination` (room for `count`), frees the blocks and empties self.
  package mutating func moveAll(into destination: UnsafeMutablePointer<Element>) {
    var offset = 0
    forEachBlock { buffer in
      destination.advanced(by: offset).update(from: buffer.baseAddress!, count: buffer.count)
      offset += buffer.count
    }
    release()
  }

  package mutating func release() {
    for block in blocks { block.deallocate() }
    forget()
  }

  /// Calls `body` with each block and the block of `other` appended in step with it, freeing both
  /// as it goes, and empties both: a move that never holds more than one block of each twice.
  package mutating func drain<Other>(
    inStepWith other: inout ValueBlocks<Other>,
    _ body: (UnsafeBufferPointer<Element>, UnsafeBufferPointer<Other>) -> Void
  ) {
    precondition(count == other.count, "blocks that were not appended in step")
    for index in blocks.indices {
      let length = index == blocks.count - 1 ? fill : Self.capacity(ofBlock: index)
      body(
        UnsafeBufferPointer(start: blocks[index], count: length),
        UnsafeBufferPointer(start: other.blocks[index], count: length))
      blocks[index].deallocate()
      other.blocks[index].deallocate()
    }
    forget()
    other.forget()
  }

  /// Empties self without freeing: its blocks were freed or handed on.
  private mutating func forget() {
    blocks = []
    current = nil
    fill = 0
    currentCapacity = 0
    count = 0
  }

  package init(blocks: [UnsafeMutablePointer<Element>] = [], current: UnsafeMutablePointer<Element>? = nil) {
    self.blocks = blocks
    self.current = current
  }
}
