import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file mapped read-only into memory, so a 700 MB log is parsed in place without copying it.
public final class MappedFile: @unchecked Sendable {
  public let count: Int
  private let base: UnsafeMutableRawPointer?
  private let isMapped: Bool

  public init(path: String) throws(IngestError) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    count = Int(info.st_size)
    isMapped = count > 0
    guard count > 0 else {
      base = nil
      return
    }
    let pointer = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0)
    guard let pointer, pointer != MAP_FAILED else {
      throw .unreadable(path: path, reason: "mmap failed: " + String(cString: strerror(errno)))
    }
    madvise(pointer, count, MADV_SEQUENTIAL)
    base = pointer
  }

  /// A copy of in-memory bytes (tests, small inputs).
  public init(bytes: [UInt8]) {
    let length = bytes.count
    count = length
    isMapped = false
    guard length > 0 else {
      base = nil
      return
    }
    let pointer = UnsafeMutableRawPointer.allocate(byteCount: length, alignment: 16)
    bytes.withUnsafeBytes { pointer.copyMemory(from: $0.baseAddress!, byteCount: length) }
    base = pointer
  }

  deinit {
    guard let base else { return }
    if isMapped { munmap(base, count) } else { base.deallocate() }
  }

  public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  /// Drops the mapped pages wholly inside `from..<to` from the resident set; they stay in the
  /// page cache and come back on the next access.
  func releasePages(from: Int, to: Int) {
    guard isMapped, let base else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = (from + page - 1) / page * page
    let end = to / page * page
    guard end > start else { return }
    madvise(base + start, end - start, MADV_DONTNEED)
  }

  /// SHA-256 of the contents, lowercase hex, in 8 MiB steps; the pages of a mapped file are given
  /// back after each step so hashing does not add the file to the resident set.
  public func sha256() -> String {
    var hasher = SHA256()
    let bytes = self.bytes
    var offset = 0
    while offset < count {
      let next = min(count, offset + (8 << 20))
      hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[offset..<next]))
      releasePages(from: offset, to: next)
      offset = next
    }
    return hasher.finalize().map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}

extension MappedFile: Equatable {
  public static func == (lhs: MappedFile, rhs: MappedFile) -> Bool { lhs === rhs }
}
