import CapacityModel
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Expands command-line paths (files, directories, globs) into recognised input files.
///
/// A file named explicitly must be recognised, or it is an error naming it; a file met while
/// walking a directory that matches no format is only listed as skipped.
public struct InputCollector: Sendable {
  /// What was found: recognised files in path order, and the files skipped while walking.
  public struct Collection: Sendable {
    public var files: [InputFile] = []
    public var skipped: [String] = []
  }

  public init() {}

  public func collect(_ arguments: [String]) throws(IngestError) -> Collection {
    var collection = Collection()
    var seen = Set<String>()
    for argument in arguments {
      for (path, explicit) in try expand(argument) where seen.insert(path).inserted {
        if let file = try read(path, explicit: explicit) {
          collection.files.append(file)
        } else {
          collection.skipped.append(path)
        }
      }
    }
    return collection
  }

  /// Paths an argument stands for, each flagged with whether the user named it directly.
  private func expand(_ argument: String) throws(IngestError) -> [(String, Bool)] {
    if argument == "-" { return [("-", true)] }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) {
      return isDirectory.boolValue
        ? DirectoryWalk.regularFiles(under: argument).map { ($0, false) } : [(argument, true)]
    }
    let matches = Self.glob(argument)
    guard !matches.isEmpty else { throw .notFound(path: argument) }
    return matches.flatMap { match -> [(String, Bool)] in
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: match, isDirectory: &isDirectory)
      return isDirectory.boolValue
        ? DirectoryWalk.regularFiles(under: match).map { ($0, false) } : [(match, true)]
    }
  }

  /// The most bytes read from something that is not a regular file (a pipe, standard input).
  package static let maximumStreamBytes = 1 << 30

  private func read(_ path: String, explicit: Bool) throws(IngestError) -> InputFile? {
    guard path == "-" || BoundedFileRead.isRegularFile(path) == true else {
      // A FIFO would block in open(), a device may never end: read only when named, and bounded.
      guard explicit else { return nil }
      return try readStream(path)
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .unreadable(path: path, reason: "permission denied or not a regular file")
    }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 4096)).map { [UInt8]($0) } ?? []
    if Gzip.isGzip(head) { return try readGzip(path, explicit: explicit) }
    guard let kind = InputKind.detect(head: head) else {
      if explicit { throw head.isEmpty ? .emptyFile(path: path) : .unrecognized(path: path) }
      return nil
    }
    if kind.isRawLog { return InputFile(path: path, kind: kind, mapping: try MappedFile(path: path)) }
    do {
      try handle.seek(toOffset: 0)
      let data = try handle.readToEnd() ?? Data()
      return InputFile(path: path, kind: kind, bytes: [UInt8](data))
    } catch {
      throw .unreadable(path: path, reason: error.localizedDescription)
    }
  }

  /// A gzipped input of any format, inflated in memory and detected by its inflated content.
  private func readGzip(_ path: String, explicit: Bool) throws(IngestError) -> InputFile? {
    let compressed = try MappedFile(path: path)
    let bytes = try Gzip.inflate(compressed.bytes, path: path)
    guard let kind = InputKind.detect(head: Array(bytes.prefix(4096))) else {
      if explicit { throw bytes.isEmpty ? .emptyFile(path: path) : .unrecognized(path: path) }
      return nil
    }
    if kind.isRawLog { return InputFile(path: path, kind: kind, mapping: MappedFile(bytes: bytes)) }
    return InputFile(path: path, kind: kind, bytes: bytes)
  }

  /// Reads a pipe, standard input (`-`) or device named on the command line: each wait for data
  /// is bounded (`BoundedFileRead.defaultWaitSeconds`), and so is the size.
  private func readStream(_ path: String) throws(IngestError) -> InputFile {
    let name = path == "-" ? "standard input" : path
    switch BoundedFileRead.contents(of: path, limit: Self.maximumStreamBytes) {
    case .success(let bytes):
      guard let kind = InputKind.detect(head: Array(bytes.prefix(4096))) else {
        throw bytes.isEmpty ? .emptyFile(path: name) : .unrecognized(path: name)
      }
      return InputFile(path: path == "-" ? "stdin" : path, kind: kind, bytes: bytes)
    case .failure(.tooLarge(let limit)):
      throw .unreadable(
        path: name, reason: "not a regular file, and longer than \(limit) bytes; save it to a file first")
    case .failure(.timedOut(let seconds)):
      throw .unreadable(
        path: name,
        reason: "not a regular file, and no data came for \(seconds) s (is anything writing to it?)")
    case .failure(.unreadable(let reason)):
      throw .unreadable(path: name, reason: reason)
    }
  }

  package static func glob(_ pattern: String) -> [String] {
    var result = glob_t()
    defer { globfree(&result) }
    guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
    return (0..<Int(result.gl_pathc)).compactMap { index in
      result.gl_pathv[index].map { String(cString: $0) }
    }.sorted()
  }
}
