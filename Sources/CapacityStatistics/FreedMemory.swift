#if canImport(Glibc)
  /// glibc's `malloc_trim` (malloc.h, which the Glibc module does not export): frees the whole
  /// free pages of every arena.
  @_silgen_name("malloc_trim")
  private func mallocTrim(_ pad: Int) -> Int32
#endif

/// Hands freed memory back to the system once enough has been freed. glibc keeps what a thread
/// frees in that thread's arena: the values the parse threads stored, freed block by block while
/// the main thread builds the sorted layout (`SegmentedLatencies`), would stay resident beside
/// it (a 5 M-row JTL peaked at 17 bytes a request instead of 12).
package struct FreedMemory {
  /// Bytes freed between two trims: a trim walks every arena, so not once per small label.
  package static let trimEvery = 8 << 20
  private var pending = 0

  package init() {}

  package mutating func add(bytes: Int) {
    pending &+= bytes
    guard pending >= Self.trimEvery else { return }
    pending = 0
    #if canImport(Glibc)
      _ = mallocTrim(0)
    #endif
  }
}
