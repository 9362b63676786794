import Foundation

/// A file-system failure in plain words with the path, instead of Foundation's
/// `NSCocoaErrorDomain Code=513 …` text.
public struct FileSystemError: Error, LocalizedError, Sendable {
  public var action: String
  public var path: String
  public var reason: String

  public init(_ action: String, path: String, underlying error: any Error) {
    self.action = action
    self.path = path
    reason = Self.plainWords(error)
  }

  public var errorDescription: String? { "cannot \(action) '\(path)': \(reason)" }

  /// The reason of a Foundation or POSIX error, as the system's own short sentence.
  public static func plainWords(_ error: any Error) -> String {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
    switch CocoaError.Code(rawValue: error.code) {
    case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
    case .fileWriteOutOfSpace: return "no space left on the device"
    case .fileWriteVolumeReadOnly: return "the file system is read-only"
    case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory"
    case .fileWriteFileExists: return "a file of that name is in the way"
    default: return error.localizedFailureReason ?? error.localizedDescription
    }
  }
}
