import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's terminal settings (from `TerminalOptions`) and what the terminal is.
enum Terminal {
  struct Settings: Sendable {
    var color = ColorMode.auto
    var quiet = false
    var verbose = false
  }

  static let settings = Mutex(Settings())

  static var current: Settings { settings.withLock { $0 } }

  /// Whether `descriptor` is a terminal that understands escape sequences (`TERM` is not `dumb`).
  static func isInteractive(_ descriptor: Int32) -> Bool {
    isatty(descriptor) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
  }

  /// Colour on `descriptor`: `--color always|never` decide; `auto` means a terminal and no
  /// non-empty `NO_COLOR` (no-color.org: an empty value does not count).
  static func usesColor(
    _ descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment
  )
    -> Bool
  {
    switch current.color {
    case .always: return true
    case .never: return false
    case .auto:
      return isatty(descriptor) == 1 && (environment["NO_COLOR"] ?? "").isEmpty
        && environment["TERM"] != "dumb"
    }
  }

  /// The terminal's width in columns: the window size of `descriptor`, else `COLUMNS`, else 80.
  static func columns(_ descriptor: Int32) -> Int {
    var size = winsize()
    if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
      return columns
    }
    return 80
  }
}
