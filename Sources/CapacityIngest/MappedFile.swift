import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file mapped read-only into memory, so a 700 MB log is parsed in place without copying it.
///
/// A file that shrinks while mapped would raise SIGBUS on the next read past its new end;
/// `MappingGuard` turns those pages into zeros instead, and `verifyUnchanged()` reports it.
public final class MappedFile: @unchecked Sendable {
  public let count: Int
  private let base: UnsafeMutableRawPointer?
  private let isMapped: Bool
  private let path: String
  private let descriptor: Int32
  private let modified: timespec
  private var guardSlot = -1

  public init(path: String) throws(IngestError) {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK)
    guard descriptor >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      close(descriptor)
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      close(descriptor)
      throw .unreadable(path: path, reason: "not a regular file")
    }
    self.path = path
    self.descriptor = descriptor
    modified = info.st_mtim
    count = Int(info.st_size)
    isMapped = count > 0
    guard count > 0 else {
      base = nil
      return
    }
    let pointer = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0)
    guard let pointer, pointer != MAP_FAILED else {
      close(descriptor)
      throw .unreadable(path: path, reason: "mmap failed: " + String(cString: strerror(errno)))
    }
    madvise(pointer, count, MADV_SEQUENTIAL)
    base = pointer
    guardSlot = MappingGuard.register(pointer, count: count)
  }

  /// Throws when the file's size or modification time changed since it was mapped: what was read
  /// may mix old and new contents (or zeros where it was cut short).
  public func verifyUnchanged() throws(IngestError) {
    guard descriptor >= 0 else { return }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return }
    guard
      Int(info.st_size) != count || info.st_mtim.tv_sec != modified.tv_sec
        || info.st_mtim.tv_nsec != modified.tv_nsec
    else { return }
    throw .unreadable(
      path: path,
      reason: "the file changed while it was being read (\(count) bytes when opened, \(info.st_size) now); "
        + "read it again once whatever writes it has finished")
  }

  /// A copy of in-memory bytes (tests, small inputs).
  public init(bytes: [UInt8]) {
    let length = bytes.count
    count = length
    isMapped = false
    path = ""
    descriptor = -1
    modified = timespec()
    guard length > 0 else {
      base = nil
      return
    }
    let pointer = UnsafeMutableRawPointer.allocate(byteCount: length, alignment: 16)
    bytes.withUnsafeBytes { pointer.copyMemory(from: $0.baseAddress!, byteCount: length) }
    base = pointer
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
    guard let base else { return }
    if isMapped {
      munmap(base, count)
      MappingGuard.unregister(guardSlot)
    } else {
      base.deallocate()
    }
  }

  public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  /// Drops the mapped pages wholly inside `from..<to` from the resident set; they stay in the
  /// page cache and come back on the next access.
  package func releasePages(from: Int, to: Int) {
    guard isMapped, let base else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let start = (from + page - 1) / page * page
    let end = to / page * page
    guard end > start else { return }
    madvise(base + start, end - start, MADV_DONTNEED)
  }

  /// SHA-256 of the contents, lowercase hex, in 2 MiB steps; the pages of a mapped file are given
  /// back after each step so hashing does not add the file to the resident set (it may go on
  /// while the run is summarised, at its peak).
  public func sha256() -> String {
    var hasher = SHA256()
    let bytes = self.bytes
    var offset = 0
    while offset < count {
      let next = min(count, offset + (2 << 20))
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
