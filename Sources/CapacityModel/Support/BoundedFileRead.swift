#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file that may not be a regular file (a FIFO, `/dev/stdin`, a character device) without
/// ever blocking for good: opening does not wait for a writer, each wait for data is bounded,
/// and so is the size.
package enum BoundedFileRead {
  package enum Failure: Error, Equatable {
    /// `open` or `read` failed; the text is the system's, in plain words.
    case unreadable(String)
    /// More than `limit` bytes.
    case tooLarge(limit: Int)
    /// No data (and no end) for `seconds`.
    case timedOut(seconds: Int)
  }

  /// The default wait for the next bytes of a pipe.
  package static let defaultWaitSeconds = 10

  /// The contents of `path` (`-` is standard input).
  package static func contents(of path: String, limit: Int, waitSeconds: Int = defaultWaitSeconds)
    -> Result<[UInt8], Failure>
  {
    let descriptor = path == "-" ? dup(STDIN_FILENO) : open(path, O_RDONLY | O_NONBLOCK)
    guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(waitSeconds * 1000))
      if ready < 0, errno == EINTR { continue }
      guard ready > 0 else {
        return ready == 0
          ? .failure(.timedOut(seconds: waitSeconds))
          : .failure(.unreadable(String(cString: strerror(errno))))
      }
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EAGAIN || errno == EINTR { continue }
        return .failure(.unreadable(String(cString: strerror(errno))))
      }
      if count == 0 { return .success(bytes) }
      guard bytes.count + count <= limit else { return .failure(.tooLarge(limit: limit)) }
      bytes += chunk[0..<count]
    }
  }

  /// Whether `path` names a regular file (following symlinks); `nil` when it cannot be examined.
  package static func isRegularFile(_ path: String) -> Bool? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return (info.st_mode & S_IFMT) == S_IFREG
  }
}
