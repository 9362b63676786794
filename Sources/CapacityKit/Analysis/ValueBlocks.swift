/// An append-only list of latencies (or their seconds) in fixed blocks: growing it never copies, and the blocks
/// are moved into one contiguous buffer (and freed) only when the percentiles are computed.
/// A value type over manually managed memory: the owner calls `release()` or `moveAll(into:)`.
struct ValueBlocks<Element> {
  static var blockSize: Int { 1 << 16 }
  private(set) var blocks: [UnsafeMutablePointer<Element>] = []
  private var current: UnsafeMutablePointer<Element>?
  private var fill = 1 << 16
  private(set) var count = 0

  @inline(__always)
  mutating func append(_ value: Element) {
    if fill == Self.blockSize {
      let block = UnsafeMutablePointer<Element>.allocate(capacity: Self.blockSize)
      blocks.append(block)
      current = block
      fill = 0
    }
    current.unsafelyUnwrapped[fill] = value
    fill += 1
    count += 1
  }

  /// Calls `body` with every stored value, block by block.
  func forEachBlock(_ body: (UnsafeBufferPointer<Element>) -> Void) {
    for (index, block) in blocks.enumerated() {
      let length = index == blocks.count - 1 ? fill : Self.blockSize
      body(UnsafeBufferPointer(start: block, count: length))
    }
  }

  /// Copies the values to `destination` (room for `count`), frees the blocks and empties self.
  mutating func moveAll(into destination: UnsafeMutablePointer<Element>) {
    var offset = 0
    forEachBlock { buffer in
      destination.advanced(by: offset).update(from: buffer.baseAddress!, count: buffer.count)
      offset += buffer.count
    }
    release()
  }

  mutating func release() {
    for block in blocks { block.deallocate() }
    blocks = []
    current = nil
    fill = Self.blockSize
    count = 0
  }
}
